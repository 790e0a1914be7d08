/** `plainly init`: write a commented starter .plainlyrc.yml. */
export const STARTER_CONFIG = `# plainly settings for this folder and the folders inside it.
# The nearest settings file to a document wins. Settings given on the
# command line win over this file. See "Configuration" in plainly's README.

# Target reading age: an age such as 11, or a range such as 9-11.
targetAge: 9-11

# Sentences longer than this many words are flagged (a suggestion)...
maxSentenceWords: 25
# ...and longer than this, a warning.
veryLongSentenceWords: 35

# The lowest severity that makes the check fail: error, warning, suggestion or never.
failOn: warning

# Fail when there are more warnings than this (warnings up to it do not fail).
# maxWarnings: 20

# Fail when any document's reading age is above this.
# maxReadingAge: 14

# Your team's own glossary files (paths are relative to this file).
# glossaries:
#   - our-words.yml

# Optional glossary packs: govau, plainlanguage-gov.
# packs: []

# Words your readers know, which plainly should not flag here.
# allow:
#   - co-production

# Switch rules off, or change how serious they are (off, error, warning, suggestion).
# rules:
#   hard-sentence: off
#   simplify: off

# Files larger than this many megabytes are not checked (default 50).
# maxFileSize: 50

# Files and folders to skip, in .gitignore style.
# ignorePatterns:
#   - drafts/

# Different settings for some folders (patterns are relative to this file).
# overrides:
#   - files: ["easy-read/**"]
#     targetAge: 9
#     maxSentenceWords: 15
#     veryLongSentenceWords: 20
#   - files: ["staff-guidance/**"]
#     allow: [co-production]
`
