// oidc-provider ships no type declarations; the test provider only uses its constructor and listen().
declare module 'oidc-provider';
