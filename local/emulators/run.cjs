// Runs an emulator's CLI as a child that never outlives the JVM that started it: the JVM holds
// this process's stdin, and when that pipe closes (normal exit, crash or kill -9) we exit too.
const path = require('path');
const [, , cli, ...args] = process.argv;
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
process.argv = [process.argv[0], path.resolve(cli), ...args];
require(path.resolve(cli));
