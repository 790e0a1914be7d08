import {randomBytes} from 'node:crypto'
import {chmod, rename, unlink, writeFile} from 'node:fs/promises'
import path from 'node:path'

/** Write a file so that it is either unchanged or completely new: a temporary file in the same folder, then a rename. */
export async function writeFileAtomic(file: string, content: string | Uint8Array, options: {mode?: number} = {}): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    await writeFile(temporary, content, options.mode === undefined ? {} : {mode: options.mode})
    if (options.mode !== undefined) await chmod(temporary, options.mode)
    await rename(temporary, file)
  } catch (error) {
    await unlink(temporary).catch(() => undefined)
    throw error
  }
}
