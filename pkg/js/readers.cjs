// dist/node's form of js/readers.js (CommonJS, put in place by pkg/scripts/build.sh): the dialect
// readers' module (dist/node/readers.js, instantiated synchronously) is loaded on first need, so
// that `validate` reads state machines, templates, schedules, scripts and YAML requests, and
// checks requests with a task definition, in Node without `loadDialects()`.
'use strict';

let readers = null;
function load() {
  readers ??= require('../../../readers.js');
  return readers;
}

function loadReaders() {
  try {
    load();
    return Promise.resolve();
  } catch (error) {
    return Promise.reject(error);
  }
}

function readSource(bytes, options, dialect) {
  return load().validateBytes(bytes, { ...(options ?? {}), dialect });
}

module.exports = { loadReaders, readSource };
