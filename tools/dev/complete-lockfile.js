// The registry this project installs from lacks some other-platform optional binaries, so npm
// leaves them out of package-lock.json and `npm ci` then refuses the lock. Add them back as
// optional entries; npm skips an optional package it cannot fetch or that is for another platform.
const fs = require('node:fs');
const file = process.argv[2] ?? 'package-lock.json';
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const target = `node_modules/${name}`;
    const nested = `${path}/node_modules/${name}`;
    if (lock.packages[target] || lock.packages[nested]) continue;
    lock.packages[target] = { version: version.replace(/^[\^~]/, ''), optional: true };
    added++;
  }
}
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added} optional entries`);
