// dist/node's form of js/docs.js (CommonJS, put in place by pkg/scripts/build.sh): reads the
// package's documentation files on first use, parsing a fresh copy each call.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const texts = new Map();
function read(file) {
  if (!texts.has(file)) texts.set(file, fs.readFileSync(path.join(__dirname, file), 'utf8'));
  return JSON.parse(texts.get(file));
}

function shippedRules() {
  return read('../../../../rules.json');
}

function shippedSchema(which) {
  return read(which === 'state-machine' ? '../../../../../runtask.asl.schema.json' : '../../../../../runtask.schema.json');
}

module.exports = { shippedRules, shippedSchema };
