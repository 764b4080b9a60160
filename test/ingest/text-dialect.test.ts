import { describe, expect, it } from 'vitest';
import { alignedAsTabs } from '../../src/ingest/aligned-text.js';
import { decodeText } from '../../src/ingest/decode.js';
import { detectDelimiter } from '../../src/ingest/delimiter.js';
import { chooseLineBreak } from '../../src/ingest/line-breaks.js';
import { utf8 } from './fixtures.js';

describe('detectDelimiter', () => {
  it.each([
    ['comma', 'a,b,c\n1,2,3\n4,5,6\n', ','],
    ['tab, with commas inside values', 'name\tamount\n"Smith, John"\t$5,320 \nLee\t$1,000 \n', '\t'],
    ['semicolon with decimal commas', 'id;price;qty\n1;2,50;3\n2;3,75;1\n', ';'],
    ['pipe', 'a|b\n1|2\n', '|'],
    ['comma with a title line above the header', 'Sales report\n\na,b,c\n1,2,3\n4,5,6\n', ','],
    ['comma with quoted semicolons', 'a,b\n"x;y;z",1\n"p;q",2\n', ','],
  ])('GIVEN %s THEN it picks the delimiter giving a consistent column count', (_, text, expected) => {
    expect(detectDelimiter(text, '\n')).toBe(expected);
  });

  it('GIVEN a single column THEN it falls back to a comma', () => {
    expect(detectDelimiter('name\nAnn\nBob\n', '\n')).toBe(',');
  });

  it('GIVEN a tie and a .tsv hint THEN the hint wins', () => {
    const text = 'a,b\tc\n1,2\t3\n';
    expect(detectDelimiter(text, '\n')).toBe(',');
    expect(detectDelimiter(text, '\n', '\t')).toBe('\t');
  });
});

describe('alignedAsTabs', () => {
  it('GIVEN CDNOW lines aligned with runs of spaces THEN they become tab-separated, line for line', () => {
    const text = ' 00004 0001 19970101  2   29.33\r\n 00004 0001 19970118  2   29.73\r\n\r\n 00021 0002 19970101  3   63.34\r\n';
    expect(alignedAsTabs(text, '\r\n')).toBe('00004\t0001\t19970101\t2\t29.33\r\n00004\t0001\t19970118\t2\t29.73\r\n\r\n00021\t0002\t19970101\t3\t63.34\r\n');
  });

  it.each([
    ['a comma anywhere', '1 2 3\n4 5 6,5\n'],
    ['a tab anywhere', '1 2\n3\t4\n'],
    ['a quote anywhere', '"a b" 1\nc d\n'],
    ['lines that split into different numbers of fields', 'Ann Lee 5\nBob 6\n'],
    ['one field per line', 'Ann\nBob\n'],
  ])('GIVEN %s THEN the text is not read as aligned columns', (_, text) => {
    expect(alignedAsTabs(text, '\n')).toBeUndefined();
  });
});

describe('chooseLineBreak', () => {
  it('GIVEN LF only THEN the text is kept as it is', () => {
    const text = 'a\nb\n';
    expect(chooseLineBreak(text)).toEqual({ text, lineBreak: '\n' });
  });

  it('GIVEN CRLF only THEN CRLF separates records', () => {
    expect(chooseLineBreak('a\r\nb\r\n').lineBreak).toBe('\r\n');
  });

  it('GIVEN CR only THEN CR separates records', () => {
    expect(chooseLineBreak('a\rb\r').lineBreak).toBe('\r');
  });

  it('GIVEN mixed breaks THEN every break becomes LF and the line count is unchanged', () => {
    expect(chooseLineBreak('a\r\nb\nc\rd')).toEqual({ text: 'a\nb\nc\nd', lineBreak: '\n' });
  });

  it('GIVEN CRLF records with LF and CR inside quoted cells THEN only the breaks outside quotes are rewritten', () => {
    const text = 'a,b\r\n"x\ny",1\r\n"p\rq",2\nz,"say ""hi""\r\n"\r\n5" screen,3\r\n';
    expect(chooseLineBreak(text)).toEqual({ text: 'a,b\n"x\ny",1\n"p\rq",2\nz,"say ""hi""\r\n"\n5" screen,3\n', lineBreak: '\n' });
  });
});

describe('decodeText', () => {
  it('GIVEN UTF-8 with a BOM THEN the BOM is dropped', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('£5')]))).toEqual({ text: '£5', encoding: 'utf-8' });
  });

  it('GIVEN UTF-16LE and UTF-16BE with a BOM THEN both decode', () => {
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from('a\tb', 'utf16le')]);
    const be = new Uint8Array([0xfe, 0xff, ...Buffer.from('a\tb', 'utf16le').swap16()]);
    expect(decodeText(le)).toEqual({ text: 'a\tb', encoding: 'utf-16le' });
    expect(decodeText(be)).toEqual({ text: 'a\tb', encoding: 'utf-16be' });
  });

  it('GIVEN bytes that are not UTF-8 THEN windows-1252 is used and nothing becomes U+FFFD', () => {
    const decoded = decodeText(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x35, 0x20, 0xa3, 0x81]));
    expect(decoded).toEqual({ text: 'Café €5 £\u0081', encoding: 'windows-1252' });
    expect(decoded.text).not.toContain('\ufffd');
  });

  it('GIVEN curly quotes and dashes from Word or Excel THEN they decode as windows-1252, not as C1 controls', () => {
    expect(decodeText(new Uint8Array([0x93, 0x68, 0x69, 0x94, 0x20, 0x96, 0x20, 0x92, 0x9f])).text).toBe('\u201chi\u201d \u2013 \u2019\u0178');
  });
});
