import {fileURLToPath} from 'node:url'

/** The glossary folder that ships with plainly. */
export const SHIPPED_GLOSSARY_DIR = fileURLToPath(new URL('../../glossary/', import.meta.url))
