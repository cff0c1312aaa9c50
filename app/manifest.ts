import type { MetadataRoute } from "next";

/**
 * /manifest.webmanifest (decision 070): what makes the app installable. Served without a session
 * (proxy.ts); opens on the field home, the meeting form's first step, where a commune user starts.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Dân vận – Hệ thống quản lý công tác dân vận",
    short_name: "Dân vận",
    description: "Ghi cuộc họp và tiếp nhận kiến nghị tại cơ sở, cả khi mất sóng.",
    lang: "vi",
    start_url: "/meetings/new",
    scope: "/",
    display: "standalone",
    background_color: "#fafaf9",
    theme_color: "#b42318",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
