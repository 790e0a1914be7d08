/**
 * A fast 64-bit FNV-1a hash of bytes, as 16 hex digits: enough to know a
 * data file by its content (see io/data-cache.ts), and quick enough to run
 * over the shipped data at every start without loading node:crypto.
 */
export function hashBytes(bytes: Uint8Array): string {
  // Two 32-bit FNV-1a lanes with different offsets (FNV-1a's own and its bit complement).
  let a = 0x811c9dc5
  let b = 0x7ee3623a
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index]!
    a = Math.imul(a ^ byte, 0x01000193)
    b = Math.imul(b ^ byte ^ (index & 0xff), 0x01000193)
  }
  return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`
}
