"use client";
import { useEffect, useRef } from "react";
import { fieldShell, type FieldShellOptions } from "@/components/field/shell-script";

/** Starts the header's field app script on the App Router, once the page is hydrated (./field-status.tsx). */
export function FieldShellStarter({ options }: { options: FieldShellOptions }) {
  const marker = useRef<HTMLSpanElement>(null);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    fieldShell(marker.current?.closest<HTMLElement>("[data-field-shell]") ?? null, options);
  }, [options]);
  return <span ref={marker} hidden />;
}
