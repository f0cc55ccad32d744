// Starts dynalite's own CLI (node_modules/dynalite/cli.js) with one fix. dynalite's request handler
// does `req.on('error', err => { throw err })`: when a client gives up in the middle of sending a
// request body (an AWS SDK attempt timeout does exactly that), Node emits 'error' ("aborted",
// ECONNRESET) on the request, the listener rethrows it, and the uncaught exception ends the process,
// taking every table with it. Here an error on a request stream is logged and the connection is
// closed instead: the client is gone, there is nobody to answer, and no database work had started
// (dynalite parses the body only on 'end').
const http = require('http');
const path = require('path');

const createServer = http.createServer;
http.createServer = function (options, handler) {
  if (typeof options === 'function') {
    handler = options;
    options = {};
  }
  return createServer.call(http, options, function (req, res) {
    const emit = req.emit;
    req.emit = function (event, error, ...rest) {
      if (event === 'error') {
        console.error(`[warta] client went away mid-request (${req.method} ${req.url}, ` +
          `${error && (error.code || error.message)}); request dropped, dynalite carries on`);
        res.destroy();
        return false;
      }
      return emit.call(this, event, error, ...rest);
    };
    handler(req, res);
  });
};

require(path.resolve('node_modules/dynalite/cli.js'));
