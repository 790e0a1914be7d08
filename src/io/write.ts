import {randomBytes} from 'node:crypto'
import {rename, unlink, writeFile} from 'node:fs/promises'
import path from 'node:path'

/** Write a file so that it is either unchanged or completely new: a temporary file in the same folder, then a rename. */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    await writeFile(temporary, content)
    await rename(temporary, file)
  } catch (error) {
    await unlink(temporary).catch(() => undefined)
    throw error
  }
}
