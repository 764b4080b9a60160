import { Buffer } from 'node:buffer';

/**
 * A streaming scanner for the XML of XLSX parts, fed the bytes of a part in chunks as they are inflated. It reports
 * elements by their local name (`x:row` is `row`), and text as byte ranges its handler decodes only where it wants a
 * value, so a sheet's numbers are read without making a string of each. Enough XML for what spreadsheet writers
 * produce: elements, attributes in either quotes, the five entities and character references, CDATA, comments and
 * processing instructions. A DOCTYPE is refused: no spreadsheet part has one, and its entities are how XML bombs work.
 * Malformed markup throws a plain Error.
 */

export interface XmlHandler {
  /**
   * An element opens (a self-closing one then closes); `tag` is the index of its local name in the scanner's names,
   * -1 for any other. Its attributes are read through the scanner during the call.
   */
  open(tag: number, scanner: XmlScanner): void;
  close(tag: number): void;
  /** Character data between two tags (or a CDATA section), as a range of `scanner.bytes` valid during the call. */
  text(start: number, end: number, cdata: boolean, scanner: XmlScanner): void;
}

/**
 * Excel keeps a cell to 32,767 characters, so no token of a real part comes near this; a longer one means a damaged
 * or hostile file, and it would otherwise be carried from chunk to chunk in memory.
 */
const MAX_TOKEN_BYTES = 8 * 1024 * 1024;
const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const COLON = 0x3a;
const EQUALS = 0x3d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const EMPTY = new Uint8Array(0);
const XMLNS = new TextEncoder().encode('xmlns');
const CDATA_OPEN = new TextEncoder().encode('[CDATA[');
/** Exact powers of ten: an integer below 2^53 divided by one of them is the correctly rounded decimal. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);
const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export class XmlScanner {
  /** The bytes being scanned; ranges given to the handler refer to it. */
  bytes: Uint8Array = EMPTY;
  private buffer: Buffer = Buffer.alloc(0);
  private carried: Uint8Array = EMPTY;
  private readonly names: Uint8Array[];
  /** Local name start, name end, value start, value end of each attribute of the element being opened. */
  private attributes = new Int32Array(4 * 16);
  private attributeCount = 0;
  /** Elements open: a part that ends before its root element closes was cut short. */
  private depth = 0;

  constructor(
    names: readonly string[],
    private readonly handler: XmlHandler,
  ) {
    this.names = names.map((name) => new TextEncoder().encode(name));
  }

  /** Scans a chunk; a token cut at its end is kept and scanned with the next one. */
  write(chunk: Uint8Array): void {
    const bytes = this.carried.length === 0 ? chunk : concat(this.carried, chunk);
    this.bytes = bytes;
    this.buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const length = bytes.length;
    let at = 0;
    while (at < length) {
      // Text between tags is short or absent in spreadsheet parts: a loop beats a call to indexOf per token.
      let lt = at;
      while (lt < length && bytes[lt] !== LT) lt++;
      if (lt === length) break;
      if (lt > at) this.handler.text(at, lt, false, this);
      at = lt;
      const next = this.token(lt);
      if (next < 0) break;
      at = next;
    }
    if (length - at > MAX_TOKEN_BYTES) throw new Error(`an XML token longer than ${MAX_TOKEN_BYTES} bytes`);
    // A copy, so the chunk it came from can be let go.
    this.carried = at < length ? bytes.slice(at) : EMPTY;
  }

  /** After the last chunk: every element closed, and nothing but whitespace after the root. */
  end(): void {
    for (const byte of this.carried) if (byte > 0x20) throw new Error('XML ends inside a tag');
    if (this.depth > 0) throw new Error('XML ends before its elements close');
    this.carried = EMPTY;
  }

  /** Slot of the element's attribute with this local name, -1 when it has none. */
  attribute(name: string): number {
    const bytes = this.bytes;
    const attributes = this.attributes;
    for (let slot = 0; slot < this.attributeCount; slot++) {
      const start = attributes[slot * 4]!;
      if (attributes[slot * 4 + 1]! - start !== name.length) continue;
      let same = true;
      for (let i = 0; i < name.length && same; i++) same = bytes[start + i] === name.charCodeAt(i);
      if (same) return slot;
    }
    return -1;
  }

  valueStart(slot: number): number {
    return this.attributes[slot * 4 + 2]!;
  }

  valueEnd(slot: number): number {
    return this.attributes[slot * 4 + 3]!;
  }

  /** Whether an attribute's value is this ASCII text, compared byte by byte. */
  valueIs(slot: number, text: string): boolean {
    const start = this.valueStart(slot);
    if (this.valueEnd(slot) - start !== text.length) return false;
    for (let i = 0; i < text.length; i++) if (this.bytes[start + i] !== text.charCodeAt(i)) return false;
    return true;
  }

  /** An attribute's value as text, or undefined when the element has no such attribute. */
  attributeText(name: string): string | undefined {
    const slot = this.attribute(name);
    return slot < 0 ? undefined : this.string(this.valueStart(slot), this.valueEnd(slot), false);
  }

  /** A range as text: UTF-8 decoded, entities and character references replaced unless it is CDATA. */
  string(start: number, end: number, cdata: boolean): string {
    const text = this.buffer.toString('utf8', start, end);
    return cdata || !text.includes('&') ? text : text.replace(ENTITY, decodeEntity);
  }

  /**
   * A range as a number, as Number() reads it (NaN when it is not one). Plain decimals of up to 15 digits are
   * computed from the bytes; anything else (exponents, long fractions) goes through Number().
   */
  number(start: number, end: number): number {
    const bytes = this.bytes;
    let at = start;
    const negative = bytes[at] === MINUS;
    if (negative) at++;
    let mantissa = 0;
    let digits = 0;
    let decimals = -1;
    for (; at < end; at++) {
      const byte = bytes[at]!;
      if (byte >= ZERO && byte <= NINE) {
        mantissa = mantissa * 10 + (byte - ZERO);
        digits++;
        if (decimals >= 0) decimals++;
      } else if (byte === DOT && decimals < 0) {
        decimals = 0;
      } else {
        break;
      }
    }
    if (at < end || digits === 0 || digits > 15) return Number(this.buffer.toString('latin1', start, end));
    const value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals]! : mantissa;
    return negative ? -value : value;
  }

  /** Scans the token at `lt`; returns where the next one starts, or -1 when it is cut off at the end of the bytes. */
  private token(lt: number): number {
    const bytes = this.bytes;
    const next = bytes[lt + 1];
    if (next === undefined) return -1;
    if (next === SLASH) return this.closeTag(lt);
    if (next === QUESTION) return this.skipPast(lt + 2, '?>');
    if (next === BANG) return this.declaration(lt);
    return this.openTag(lt);
  }

  private closeTag(lt: number): number {
    const bytes = this.bytes;
    let localStart = lt + 2;
    let gt = localStart;
    for (; gt < bytes.length && bytes[gt] !== GT; gt++) if (bytes[gt] === COLON) localStart = gt + 1;
    if (gt === bytes.length) return -1;
    let end = gt;
    while (end > localStart && bytes[end - 1]! <= 0x20) end--;
    if (--this.depth < 0) throw new Error('malformed XML: a closing tag without its opening tag');
    this.handler.close(this.tagOf(localStart, end));
    return gt + 1;
  }

  private openTag(lt: number): number {
    const bytes = this.bytes;
    const length = bytes.length;
    let localStart = lt + 1;
    let at = localStart;
    for (; at < length && !endsName(bytes[at]!); at++) if (bytes[at] === COLON) localStart = at + 1;
    if (at >= length) return -1;
    const tag = this.tagOf(localStart, at);
    this.attributeCount = 0;
    for (;;) {
      while (at < length && bytes[at]! <= 0x20) at++;
      if (at >= length) return -1;
      const byte = bytes[at]!;
      if (byte === GT) {
        this.depth++;
        this.handler.open(tag, this);
        return at + 1;
      }
      if (byte === SLASH) {
        if (at + 1 >= length) return -1;
        if (bytes[at + 1] !== GT) throw new Error('malformed XML: "/" inside a tag');
        this.handler.open(tag, this);
        this.handler.close(tag);
        return at + 2;
      }
      at = this.readAttribute(at);
      if (at < 0) return -1;
    }
  }

  /**
   * Reads `name="value"` from `at`; returns where it ends, or -1 when it is cut off. The name is kept without its
   * prefix (`r:id` is `id`), and namespace declarations (`xmlns:r`) are not kept.
   */
  private readAttribute(at: number): number {
    const bytes = this.bytes;
    const length = bytes.length;
    const nameStart = at;
    let localStart = at;
    while (at < length && bytes[at] !== EQUALS && !endsName(bytes[at]!)) {
      if (bytes[at] === COLON) localStart = at + 1;
      at++;
    }
    const nameEnd = at;
    while (at < length && bytes[at]! <= 0x20) at++;
    if (at + 1 >= length) return -1;
    if (bytes[at] !== EQUALS || nameEnd === nameStart) throw new Error('malformed XML: attribute without a value');
    at++;
    while (at < length && bytes[at]! <= 0x20) at++;
    if (at >= length) return -1;
    const quote = bytes[at];
    if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE) throw new Error('malformed XML: unquoted attribute value');
    let valueEnd = at + 1;
    while (valueEnd < length && bytes[valueEnd] !== quote) valueEnd++;
    if (valueEnd === length) return -1;
    if (localStart > nameStart && this.matchesAt(nameStart, localStart - 1, XMLNS)) return valueEnd + 1;
    if (this.attributeCount * 4 === this.attributes.length) {
      const grown = new Int32Array(this.attributes.length * 2);
      grown.set(this.attributes);
      this.attributes = grown;
    }
    const base = this.attributeCount++ * 4;
    this.attributes[base] = localStart;
    this.attributes[base + 1] = nameEnd;
    this.attributes[base + 2] = at + 1;
    this.attributes[base + 3] = valueEnd;
    return valueEnd + 1;
  }

  /** `<!-- … -->`, `<![CDATA[ … ]]>`; a DOCTYPE (or anything else after `<!`) is refused. */
  private declaration(lt: number): number {
    const bytes = this.bytes;
    if (lt + 4 > bytes.length) return -1;
    if (bytes[lt + 2] === MINUS && bytes[lt + 3] === MINUS) return this.skipPast(lt + 4, '-->');
    if (lt + 2 + CDATA_OPEN.length > bytes.length) return -1;
    if (!this.matchesAt(lt + 2, lt + 2 + CDATA_OPEN.length, CDATA_OPEN)) throw new Error('XML with a DOCTYPE or an unknown declaration');
    const start = lt + 2 + CDATA_OPEN.length;
    const end = indexOfText(bytes, ']]>', start);
    if (end < 0) return -1;
    this.handler.text(start, end, true, this);
    return end + 3;
  }

  private skipPast(from: number, terminator: string): number {
    const at = indexOfText(this.bytes, terminator, from);
    return at < 0 ? -1 : at + terminator.length;
  }

  /** Index of the local name at start..end among the names, or -1. */
  private tagOf(start: number, end: number): number {
    for (let i = 0; i < this.names.length; i++) {
      if (this.matchesAt(start, end, this.names[i]!)) return i;
    }
    return -1;
  }

  private matchesAt(start: number, end: number, name: Uint8Array): boolean {
    if (end - start !== name.length) return false;
    for (let i = 0; i < name.length; i++) if (this.bytes[start + i] !== name[i]) return false;
    return true;
  }
}

function endsName(byte: number): boolean {
  return byte <= 0x20 || byte === GT || byte === SLASH;
}

function indexOfText(bytes: Uint8Array, text: string, from: number): number {
  const first = text.charCodeAt(0);
  for (let at = bytes.indexOf(first, from); at >= 0 && at + text.length <= bytes.length; at = bytes.indexOf(first, at + 1)) {
    let same = true;
    for (let i = 1; i < text.length && same; i++) same = bytes[at + i] === text.charCodeAt(i);
    if (same) return at;
  }
  return -1;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

function decodeEntity(entity: string, hex: string | undefined, decimal: string | undefined, name: string | undefined): string {
  if (name !== undefined) return NAMED_ENTITIES[name]!;
  const codePoint = hex !== undefined ? parseInt(hex, 16) : Number(decimal);
  return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : entity;
}
