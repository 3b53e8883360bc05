// Starts the built app with defaults that work on a fresh machine: http://localhost:3000.
const port = process.env.PORT ?? '3000';
process.env.PORT = port;
process.env.ORIGIN ??= `http://localhost:${port}`;
// The largest body: a portfolio ZIP brought from another school (50 MB). Every other request is held to
// 12 MB by hooks.server.ts.
process.env.BODY_SIZE_LIMIT ??= '52M';
// Idle keep-alive connections stay open longer than a reverse proxy keeps its pool idle (nginx and most
// load balancers: 60 s). With Node's default of 5 s the server could close a connection at the moment the
// proxy sends a request on it, and that request fails (ECONNRESET). Headers must time out after that.
process.env.KEEP_ALIVE_TIMEOUT ??= '65';
process.env.HEADERS_TIMEOUT ??= '66';
await import('../build/index.js');
console.log(`Koers is running on ${process.env.ORIGIN}`);
