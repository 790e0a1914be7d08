/**
 * Word (.docx) → HTML with mammoth, then the same HTML pipeline as any web
 * page. mammoth is maintained, pure JavaScript, and made for exactly this:
 * it keeps headings, lists, tables and footnotes, includes inserted text and
 * leaves out deleted text in tracked changes. It does not read headers,
 * footers or comments; the README says so.
 *
 * Before converting, the archive is inspected without unpacking it, so a
 * password-protected file, an old .doc, a file that is not a Word file and a
 * zip bomb each get one clear message and memory stays bounded.
 */
import type JSZipType from 'jszip'
import type {FileProblem} from './core-rules.js'

/** Largest total unpacked size we accept (generous for any real leaflet). */
export const MAX_DOCX_UNPACKED = 200 * 1024 * 1024
const MAX_ENTRIES = 20_000

export class DocumentProblem extends Error {
  readonly kind: FileProblem
  constructor(message: string, kind: FileProblem = 'unreadable') {
    super(message)
    this.name = 'DocumentProblem'
    this.kind = kind
  }
}

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
/** "EncryptionInfo" in UTF-16 (little-endian), the stream a password-protected Word file holds, as bytes read one to a character. */
const ENCRYPTION_INFO = [...'EncryptionInfo'].map((character) => `${character}\0`).join('')

/**
 * Open a .docx as a zip archive, after the checks every Word file gets (see
 * above). Throws DocumentProblem with a plain message.
 */
export async function openDocx(bytes: Uint8Array): Promise<JSZipType> {
  if (CFB.every((byte, index) => bytes[index] === byte)) {
    const encrypted = new TextDecoder('latin1').decode(bytes.subarray(0, 1 << 20)).includes(ENCRYPTION_INFO)
    throw new DocumentProblem(
      encrypted
        ? 'this Word file is protected with a password: save a copy without a password and check that'
        : 'this is an old-style Word file (.doc): save it as a .docx file and check that',
      encrypted ? 'encrypted' : 'unsupported'
    )
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new DocumentProblem('this is not a Word file, although its name ends in .docx', 'unsupported')

  // Loaded only when a Word file is read, so other runs start faster.
  const {default: JSZip} = await import('jszip')
  let zip: JSZipType
  try {
    zip = await JSZip.loadAsync(bytes, {checkCRC32: false})
  } catch {
    throw new DocumentProblem('this Word file is damaged: it cannot be opened', 'damaged')
  }
  const entries = Object.values(zip.files)
  if (entries.length > MAX_ENTRIES) throw new DocumentProblem('this Word file has far too many parts to be a real document', 'too-large')
  // JSZip reads the 32-bit sizes as signed numbers: ">>> 0" makes them unsigned again.
  const unpacked = entries.reduce((sum, entry) => sum + (((entry as unknown as {_data?: {uncompressedSize?: number}})._data?.uncompressedSize ?? 0) >>> 0), 0)
  if (unpacked > MAX_DOCX_UNPACKED) {
    throw new DocumentProblem(`this Word file would unpack to ${Math.round(unpacked / 1024 / 1024)} MB, more than plainly allows (${MAX_DOCX_UNPACKED / 1024 / 1024} MB)`, 'too-large')
  }
  if (!zip.file('word/document.xml')) throw new DocumentProblem('this is not a Word document: it has no document text inside', 'unsupported')
  return zip
}

/** Convert a .docx to HTML. Throws DocumentProblem with a plain message. */
export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  await openDocx(bytes)
  const {default: mammoth} = await import('mammoth')
  try {
    // Node's mammoth reads `buffer`, its browser build `arrayBuffer`: both are given.
    const copy = bytes.slice()
    const result = await mammoth.convertToHtml({buffer: copy, arrayBuffer: copy.buffer} as unknown as {buffer: Buffer})
    return result.value
  } catch (error) {
    throw new DocumentProblem(`this Word file is damaged: ${(error as Error).message.split('\n')[0]!.slice(0, 120)}`, 'damaged')
  }
}
