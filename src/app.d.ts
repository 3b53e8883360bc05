import type { Session, SessionUser } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
			/** The id handleError logged for an unexpected error of this request. */
			errorId?: string;
		}
		interface Error {
			message: string;
			id?: string;
		}
	}
}

export {};
