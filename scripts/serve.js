// Starts the built app with defaults that work on a fresh machine: http://localhost:3000.
const port = process.env.PORT ?? '3000';
process.env.PORT = port;
process.env.ORIGIN ??= `http://localhost:${port}`;
// Uploads (photos, PDFs) come later; forms stay far below this.
process.env.BODY_SIZE_LIMIT ??= '12M';
await import('../build/index.js');
console.log(`Koers is running on ${process.env.ORIGIN}`);
