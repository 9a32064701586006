// Reading the repository's documentation for operations topics: recovery procedures, RTO/RPO, drills, rollback.
import type { Located } from '../../core/types/located.js';
import type { Facts } from '../../facts/index.js';
import type { TextFile, TextHeading } from '../../facts/texts.js';

/** README, runbook and docs files (not Makefiles or tool configs). */
export function documents(facts: Pick<Facts, 'texts'>): TextFile[] {
  return facts.texts.filter((t) => t.role === 'readme' || t.role === 'runbook' || t.role === 'docs');
}

/** The first documentation line matching `re`, with its file. */
export function docLine(facts: Pick<Facts, 'texts'>, re: RegExp): { file: TextFile; line: Located<string> } | null {
  for (const file of documents(facts)) {
    const line = file.lines.find((l) => re.test(l.value));
    if (line) return { file, line };
  }
  return null;
}

/** Lines of a file inside a heading's section (the heading line excluded). */
export function sectionLines(file: TextFile, h: TextHeading): Located<string>[] {
  return file.lines.filter((l) => l.loc.line > h.title.loc.line && l.loc.line <= h.endLine);
}

/** Sections whose heading matches `heading` and that contain a line matching `body`. */
export function sectionsWith(facts: Pick<Facts, 'texts'>, heading: RegExp, body: RegExp): { file: TextFile; heading: TextHeading; line: Located<string> }[] {
  const out: { file: TextFile; heading: TextHeading; line: Located<string> }[] = [];
  for (const file of documents(facts)) {
    for (const h of file.headings) {
      if (!heading.test(h.title.value)) continue;
      const line = sectionLines(file, h).find((l) => body.test(l.value));
      if (line) out.push({ file, heading: h, line });
    }
  }
  return out;
}

/** A named place to report "not in the documentation": the root README if there is one. */
export function docsAbsence(facts: Pick<Facts, 'texts'>, note: string): { absentIn: string; note: string } {
  const docs = documents(facts);
  const readme = docs.find((d) => d.role === 'readme' && !d.path.includes('/')) ?? docs.find((d) => d.role === 'readme');
  const others = docs.length - (readme ? 1 : 0);
  const scope = readme ? `${readme.path}${others > 0 ? ` or the ${others} other documentation file${others === 1 ? '' : 's'} read` : ''}` : `the ${docs.length} documentation file${docs.length === 1 ? '' : 's'} read`;
  return { absentIn: readme?.path ?? 'repository documentation', note: `${note} (searched ${scope})` };
}

/** A restore test, drill or backup verification described in the documentation. */
export const RESTORE_DRILL =
  /((restore|recovery)[\s-]+(test|drill|rehearsal|exercise|verification)|\btest(s|ing|ed)?\s+(the\s+|a\s+|your\s+)?(backups?\s+)?(restor|recover)|\b(dr|disaster[\s-]recovery)\s+(drill|test|exercise)|\bverify(ing)?\s+(the\s+|that\s+)?backups?|backups?\s+(are\s+|is\s+)?(verified|tested|validated)|backup\s+verification|pg_restore\s+(--list|-l)\b)/i;
