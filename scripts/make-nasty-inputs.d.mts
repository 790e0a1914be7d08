/** Write the large hostile test inputs into `folder`; returns the folder. */
export function makeNastyInputs(folder: string, megabytes?: number): string
