// The SES v2 emulator (aws-ses-v2-local) with its mailbox kept in a file (issue 27): the emulator
// holds mail in memory only, so a restart of `npm start` emptied the mailbox while the links in
// those emails still worked. Each email it stores is appended to the file as one JSON line, and
// the file is read back before the server starts; clearing the store empties the file too.
// Usage: node ses-mailbox.cjs <file> --port <n> --host <h>
'use strict';
const { appendFileSync, existsSync, readFileSync, writeFileSync } = require('node:fs');
const store = require('aws-ses-v2-local/dist/store');

const [file, ...args] = process.argv.slice(2);
const kept = store.getStoreReadonly();
if (existsSync(file)) {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    // A line cut short by a crash mid-write is the one email lost, not the whole mailbox.
    try {
      if (line.trim()) kept.emails.push(JSON.parse(line));
    } catch {}
  }
}
// The emulator's handlers call these through the module's exports, so replacing them here is enough.
const save = store.saveEmail;
store.saveEmail = (email) => {
  appendFileSync(file, `${JSON.stringify(email)}\n`);
  save(email);
};
const clear = store.clearStore;
store.clearStore = () => {
  writeFileSync(file, '');
  clear();
};
process.argv = [process.argv[0], 'aws-ses-v2-local', ...args];
require('aws-ses-v2-local/dist/cli.js');
