/**
 * What every command returns: plain data that the Discord, console and CLI doors each render.
 * Nothing here knows a transport.
 */
export interface ReplyField {
  name: string;
  value: string;
  inline?: boolean;
}

export interface ReplyEmbed {
  title?: string;
  description?: string;
  fields?: ReplyField[];
  /** Name of a file in Reply.files shown as the embed's image. */
  image?: string;
  footer?: string;
  color?: number;
}

export interface ReplyFile {
  name: string;
  data: Buffer;
  contentType: 'image/png' | 'text/csv' | 'application/json';
  description?: string;
}

export interface Reply {
  ok: boolean;
  /** Plain text for people (Markdown allowed; user data must already be escaped by the builder). */
  text: string;
  embeds?: ReplyEmbed[];
  files?: ReplyFile[];
  /** Only the asking user sees it (errors, customer cards). */
  ephemeral?: boolean;
  /** The structured result, printed by `--json`. */
  data?: unknown;
}

export type Locale = 'en' | 'id';

/** Progress of long work, e.g. an import: the CLI draws a bar, Discord edits its reply. */
export interface ProgressEvent {
  stage: 'reading' | 'parsing' | 'writing' | 'segmenting' | 'done';
  done: number;
  total?: number;
  unit: 'bytes' | 'rows' | 'steps';
}
export type ProgressListener = (event: ProgressEvent) => void;
