// Starts the built app with defaults that work on a fresh machine: http://localhost:3000.
const port = process.env.PORT ?? '3000';
process.env.PORT = port;
process.env.ORIGIN ??= `http://localhost:${port}`;
// The largest body: a portfolio ZIP brought from another school (50 MB). Every other request is held to
// 12 MB by hooks.server.ts.
process.env.BODY_SIZE_LIMIT ??= '52M';
await import('../build/index.js');
console.log(`Koers is running on ${process.env.ORIGIN}`);
