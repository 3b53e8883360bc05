// Starts the built app with defaults that work on a fresh machine: http://localhost:3000.
const port = process.env.PORT ?? '3000';
process.env.PORT = port;
// Loopback only unless HOST says otherwise: the demo accounts' passwords are in the README.
process.env.HOST ??= '127.0.0.1';
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
const reach = ['127.0.0.1', '::1', 'localhost'].includes(process.env.HOST)
	? 'from this machine only; HOST=0.0.0.0 opens it to the network'
	: `listening on ${process.env.HOST}`;
console.log(`Koers is running on ${process.env.ORIGIN} (${reach}).
Data: the database ${process.env.DATABASE_PATH ?? './data/koers.db'}, uploads ${process.env.UPLOADS_PATH ?? './data/uploads'}.
Stop it with Ctrl+C.`);
