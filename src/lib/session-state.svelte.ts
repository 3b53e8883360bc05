// What the browser learned about the session after the page loaded: a save answered "signed out". The header
// then says so, instead of still showing the student as signed in. A full page load starts fresh.
export const sessionState = $state({ signedOut: false });
