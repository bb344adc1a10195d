// ESLint flat config: Next's core-web-vitals rules (react, hooks, a11y, next) plus
// typescript-eslint's recommended set. `npm run lint` must stay clean.
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  {
    // Generated code, build output, databases and test artefacts are not ours to lint;
    // e2e/hostile holds deliberately malicious upload fixtures. Dot-files (scratch scripts, build
    // folders) are skipped as ESLint 8 did by default.
    ignores: [
      "**/.*",
      "lib/generated/**",
      ".next/**",
      ".next-*/**",
      ".bench/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "data/**",
      "e2e/hostile/**",
      "e2e/screenshots/**",
      "next-env.d.ts",
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      // `const { dropped, ...rest } = row` is how a key is left out of an object; a leading
      // underscore marks a parameter or binding that must exist but is not read.
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { ignoreRestSiblings: true, argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
    },
  },
];

export default config;
