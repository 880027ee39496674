import {closeSync, fsyncSync, openSync} from 'node:fs'

/**
 * Makes a file's creation or renaming in `directory` durable: without it a power loss can undo the
 * rename while keeping later writes, such as the emptied log after a compaction.
 */
export function fsyncDirectory(directory: string) {
  const fd = openSync(directory, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}
