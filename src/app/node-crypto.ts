/**
 * What the reporters use of node:crypto, for the page's worker: the HTML
 * report hashes its own style and script for its Content-Security-Policy.
 * The page's build (scripts/build-app.mjs) puts this file in place of
 * node:crypto. SHA-256 only, from @noble/hashes.
 */
import {sha256} from '@noble/hashes/sha2'

export function createHash(algorithm: string) {
  if (algorithm !== 'sha256') throw new Error(`the page can only make sha256 hashes, not ${algorithm}`)
  const parts: string[] = []
  return {
    update(text: string) {
      parts.push(text)
      return this
    },
    digest(encoding: 'base64' | 'hex'): string {
      const bytes = sha256(new TextEncoder().encode(parts.join('')))
      if (encoding === 'hex') return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
      let binary = ''
      for (const byte of bytes) binary += String.fromCharCode(byte)
      return btoa(binary)
    }
  }
}
