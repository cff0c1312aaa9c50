import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    // Links never prefetch (components/link.tsx): Next's own is imported there only. Session tokens are
    // written and read through lib/auth/jwt.ts (the key derived once), which alone imports next-auth's.
    ignores: ["components/link.tsx", "lib/auth/jwt.ts", "lib/auth/jwt.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "next/link", message: "Use @/components/link: the app's links do not prefetch." },
            { name: "next-auth/jwt", importNames: ["encode", "decode"], message: "Use lib/auth/jwt.ts: the same format, the key derived once." },
          ],
        },
      ],
    },
  },
  {
    ignores: ["lib/generated/**", ".next/**", ".data/**", "node_modules/**", "playwright-report/**", "test-results/**", "next-env.d.ts"],
  },
];

export default config;
