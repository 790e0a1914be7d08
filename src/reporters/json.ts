import type {Reporter} from './types.js'

/** The JSON contract, as documented in the README ("JSON output"). */
export const json: Reporter = (report) => `${JSON.stringify(report, null, 2)}\n`
