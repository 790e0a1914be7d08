/** The three parts of the page as tabs (the ARIA tabs pattern: arrow keys, Home and End move between them). */
export function setUpTabs(onOpen: (panel: string) => void): void {
  const tabs = Array.from(document.querySelectorAll<HTMLButtonElement>('[role=tab]'))
  const select = (tab: HTMLButtonElement, focus: boolean) => {
    for (const other of tabs) {
      const selected = other === tab
      other.setAttribute('aria-selected', String(selected))
      other.tabIndex = selected ? 0 : -1
      document.getElementById(other.getAttribute('aria-controls')!)!.hidden = !selected
    }
    if (focus) tab.focus()
    onOpen(tab.getAttribute('aria-controls')!)
  }
  tabs.forEach((tab, index) => {
    tab.addEventListener('click', () => select(tab, false))
    tab.addEventListener('keydown', (event) => {
      const next = {ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1}[event.key]
      if (next === undefined) return
      event.preventDefault()
      select(tabs[(next + tabs.length) % tabs.length]!, true)
    })
  })
}
