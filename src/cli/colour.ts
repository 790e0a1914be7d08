/**
 * Colour level for the terminal report: --no-color and NO_COLOR turn it off,
 * FORCE_COLOR and --color turn it on, otherwise colour only when writing to
 * a terminal.
 */
export type ColourLevel = 0 | 1 | 2 | 3

export function getColourLevel(flag: boolean | undefined, env: Record<string, string | undefined>, isTTY: boolean): ColourLevel {
  if (flag === false) return 0
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return flag === true ? 1 : 0
  const force = env.FORCE_COLOR
  if (force !== undefined) {
    if (force === '0' || force === 'false') return flag === true ? 1 : 0
    const level = Number(force)
    return (Number.isInteger(level) && level >= 1 && level <= 3 ? level : 1) as ColourLevel
  }
  if (flag === true) return 1
  if (!isTTY || env.TERM === 'dumb') return 0
  return env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit' ? 3 : env.TERM?.includes('256') ? 2 : 1
}
