// Recognises Django's technical 404 and 500 pages (django/views/templates/technical_{404,500}.html): DEBUG = True.

export interface DebugPage {
  kind: 'technical404' | 'technical500';
  /** The recognised sentences as plain text; never the exception value, settings or traceback (they may hold secrets). */
  excerpt: string;
}

const DEBUG_SENTENCE = /You(?:'|’|&#x27;|&#39;|&rsquo;)re seeing this error because you have\s*<code>\s*DEBUG\s*=\s*True\s*<\/code>/i;
const TITLE_404 = /<h1>\s*Page not found\s*<span>\s*\(404\)\s*<\/span>\s*<\/h1>/i;
const URLCONF = /Using the URLconf defined in\s*<code>[^<]*<\/code>/i;
const META_500 = /<th>\s*Django Version:\s*<\/th>[\s\S]*?<th>\s*Exception Type:\s*<\/th>/i;

/** Sentences quoted in the proof, matched on the page's text. */
const QUOTES = [
  /Page not found \(404\)/,
  /Using the URLconf defined in [^,]+, Django tried these URL patterns, in this order:/,
  /The current path, [^,]+, didn(?:'|’)t match any of these\./,
  /Django Version: \S+/,
  /Exception Type: \S+/,
  /You(?:'|’)re seeing this error because you have DEBUG = True in your Django settings file\./,
];

function text(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;|&rsquo;/g, (m) => (m === '&rsquo;' ? '’' : "'"))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .replace(/ ([,.:])/g, '$1');
}

/** The debug page a response body is, or null. Markers are the template's own fixed sentences and headings. */
export function detectDjangoDebugPage(body: string): DebugPage | null {
  const debug = DEBUG_SENTENCE.test(body);
  let kind: DebugPage['kind'] | null = null;
  if (URLCONF.test(body) || (TITLE_404.test(body) && debug)) kind = 'technical404';
  else if (META_500.test(body) || (debug && /<h2>\s*Traceback/i.test(body))) kind = 'technical500';
  if (!kind) return null;
  const t = text(body);
  const excerpt = QUOTES.map((q) => q.exec(t)?.[0]).filter((s): s is string => Boolean(s)).join('\n');
  return { kind, excerpt };
}
