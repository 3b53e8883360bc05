import pino from 'pino';

// One structured logger for the server; LOG_LEVEL=silent in unit tests.
export const logger = pino({
	level: process.env.LOG_LEVEL ?? 'info',
	base: { app: 'koers' },
	redact: ['password', '*.password', 'token', '*.token', 'code', '*.code']
});
