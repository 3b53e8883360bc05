// The jest-dom matchers (toBeInTheDocument, …) that vitest-setup-client.ts installs, for the type checker.
import '@testing-library/jest-dom/vitest';
