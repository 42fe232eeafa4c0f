// Preloaded (node --require) before the LRS: it listens on a port only,
// on every address; this makes it listen on loopback alone, as the tests'
// network rules ask.
const net = require("net");
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === "number" && (args.length === 1 || typeof args[1] === "function")) {
    args.splice(1, 0, "127.0.0.1");
  }
  return listen.apply(this, args);
};
