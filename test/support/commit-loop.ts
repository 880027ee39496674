/**
 * For the crash test: commits transactions of two documents each into the store at argv[2], and
 * prints "ack N" only after commit returned (the log line is fsynced). Runs until killed or 5000.
 */
import {planMutations} from '../../content-lake/mutations/apply-mutations.ts'
import {DocumentStore} from '../../content-lake/store/document-store.ts'

const store = DocumentStore.open(process.argv[2]!)
for (let i = 0; i < 5000; i++) {
  const changes = planMutations(store, [
    {create: {_id: `pair.${i}.a`, _type: 'note', n: i}},
    {create: {_id: `pair.${i}.b`, _type: 'note', n: i, partner: {_type: 'reference', _ref: `pair.${i}.a`}}},
  ])
  store.commit(changes)
  process.stdout.write(`ack ${i}\n`)
}
