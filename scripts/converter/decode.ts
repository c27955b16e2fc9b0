/**
 * Step 1 — decode: seed bytes → text.
 *
 * Accepts UTF-8 (with or without BOM), UTF-16 LE/BE with BOM and GB18030/GBK, and
 * normalises line ends to `\n`, so every encoding of one report yields the same model.
 * Rejects empty, binary and undecodable input with a SeedError naming the file. A stray NUL or
 * U+FFFD is text damage, not a reason to reject: both reach the clean step, which drops them
 * with a warning, whatever the encoding (GB18030 is decoded by the platform's WHATWG decoder,
 * strictly, so an encoded U+FFFD is told apart from bytes that are not GB18030).
 */
import { SeedError } from './errors.ts';

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gbk = new TextDecoder('gb18030', { fatal: true });

/** Share of control characters (other than tab, LF, CR, FF) above which input counts as binary. */
const MAX_CONTROL_SHARE = 0.01;

export function decode(bytes: Uint8Array, file: string): Decoded {
  if (bytes.length === 0) throw new SeedError('empty', file, 'the file is empty');
  const decoded = decodeBytes(bytes, file);
  const text = decoded.text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new SeedError('empty', file, 'the file contains only white space');
  checkNotBinary(text, file);
  return { text, encoding: decoded.encoding };
}

function decodeBytes(bytes: Uint8Array, file: string): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: strictUtf8(bytes.subarray(3), file), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  // Binary before decoding: undecodable bytes would otherwise be reported as a wrong encoding.
  if (controlShare(bytes) > MAX_CONTROL_SHARE) throw new SeedError('binary', file, 'binary file (too many control characters); expected text');
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: gb18030(bytes, file), encoding: 'gb18030' };
  }
}

function strictUtf8(bytes: Uint8Array, file: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new SeedError('encoding', file, 'has a UTF-8 byte-order mark but is not valid UTF-8');
  }
}

/**
 * GB18030 is a superset of GBK and GB2312. The strict decoder throws on bytes that are not
 * GB18030, so bytes that are neither UTF-8 nor GB18030 are rejected, while a U+FFFD that
 * the file really contains decodes like any other character.
 */
function gb18030(bytes: Uint8Array, file: string): string {
  try {
    return gbk.decode(bytes);
  } catch {
    // Name the line where the bytes first stop being UTF-8, the encoding most seeds use.
    const asUtf8 = new TextDecoder('utf-8').decode(bytes);
    const line = asUtf8.slice(0, asUtf8.indexOf('\uFFFD')).split('\n').length;
    throw new SeedError('encoding', file, 'text is neither valid UTF-8 nor GB18030 (undecodable bytes)', line);
  }
}

/** Share of control bytes (other than tab, LF, CR, FF) in single-byte-compatible input. */
function controlShare(bytes: Uint8Array): number {
  let control = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) control++;
  }
  return control / bytes.length;
}

function checkNotBinary(text: string, file: string): void {
  let control = 0;
  // By UTF-16 code unit: a surrogate is never a control character, so the count is the same as by code point.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c) || c === 0x7f) control++; // NUL counts: a few are stripped later, many mean binary
  }
  if (control / text.length > MAX_CONTROL_SHARE) {
    throw new SeedError('binary', file, 'binary file (too many control characters); expected text');
  }
}
