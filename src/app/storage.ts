/** What the page keeps on this computer (the browser's local storage). A browser that refuses is no reason to stop. */
export const STORE = {text: 'plainly.text', suggestions: 'plainly.suggestions'} as const

export function load(key: string): string | undefined {
  try {
    return localStorage.getItem(key) ?? undefined
  } catch {
    return undefined
  }
}

export function save(key: string, value: string): boolean {
  try {
    if (value === '') localStorage.removeItem(key)
    else localStorage.setItem(key, value)
    return true
  } catch {
    return false
  }
}

/** Offer text as a file to save. */
export function download(name: string, content: string | Uint8Array, type: string): void {
  const url = URL.createObjectURL(new Blob([content as BlobPart], {type}))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
