/** Programs some tests need from the system (Debian's packages, as .ci/run installs them), and where to find them. */
import {existsSync} from 'node:fs'

export interface SystemTool {
  name: 'chromium' | 'libreoffice'
  /** The program, as people call it. */
  program: string
  /** The tests that need it. */
  tests: string
  /** How to get it. */
  install: string
  path: () => string
}

export const SYSTEM_TOOLS: readonly SystemTool[] = [
  {
    name: 'chromium',
    program: 'Chromium',
    tests: 'browser tests',
    install: 'apt-get install chromium (or set PLAINLY_CHROMIUM to a Chromium binary), or run bash .ci/run, which installs it',
    path: () => process.env.PLAINLY_CHROMIUM ?? '/usr/bin/chromium'
  },
  {
    name: 'libreoffice',
    program: 'LibreOffice',
    tests: 'tests that open a reviewed Word copy in an office suite',
    install: 'apt-get install --no-install-recommends libreoffice-writer (or set PLAINLY_SOFFICE to its soffice), or run bash .ci/run, which installs it',
    path: () => process.env.PLAINLY_SOFFICE ?? '/usr/bin/soffice'
  }
]

export function systemTool(name: SystemTool['name']): {available: boolean; path: string} {
  const tool = SYSTEM_TOOLS.find((item) => item.name === name)!
  const path = tool.path()
  return {available: existsSync(path), path}
}

/** Chromium flags that work on this kind of machine (no background networking, no sandbox as root). */
export const CHROMIUM_ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
