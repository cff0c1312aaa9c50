import { Head, Html, Main, NextScript, type DocumentProps } from "next/document";

/** The Pages Router's document (only /meetings/new uses it, decision 019): as app/layout.tsx's. */
export default function Document(props: DocumentProps) {
  const locale = (props.__NEXT_DATA__.props?.pageProps as { locale?: string } | undefined)?.locale ?? "vi";
  return (
    <Html lang={locale}>
      <Head />
      <body className="min-h-screen bg-stone-50 font-sans text-stone-900 antialiased">
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
