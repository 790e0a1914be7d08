/** Problems with glossary files, each naming the file and line. */
import type {GlossaryProblem} from './types.js'

export class GlossaryError extends Error {
  readonly problems: GlossaryProblem[]
  constructor(problems: GlossaryProblem[]) {
    super(problems.map((problem) => formatProblem(problem)).join('\n'))
    this.name = 'GlossaryError'
    this.problems = problems
  }
}

export function formatProblem(problem: GlossaryProblem): string {
  return `${problem.file}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`
}
