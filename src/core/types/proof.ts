// Structured evidence attached to findings. Later collectors add command, http and tls kinds.

/** A line quoted from a repository file, or (without line/text) a file named for an absence. */
export interface FileProof {
  kind: 'file';
  path: string;
  line?: number;
  text?: string;
  note?: string;
}

/** A read-only command run on an audited host. */
export interface CommandProof {
  kind: 'command';
  host: string;
  command: string;
  exit_code: number | null;
  duration_ms: number;
  output: string;
}

export interface HttpProof {
  kind: 'http';
  method: string;
  url: string;
  status: number | null;
  headers: Record<string, string>;
  duration_ms: number;
  excerpt: string;
}

export interface TlsProof {
  kind: 'tls';
  host: string;
  port: number;
  subject: string;
  issuer: string;
  san: string[];
  not_before: string;
  not_after: string;
  fingerprint256: string;
  protocol: string;
  cipher: string;
}

export type Proof = FileProof | CommandProof | HttpProof | TlsProof;
