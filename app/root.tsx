import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useMemo, type ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import stylesheet from "./tailwind.css?url";
import { createI18n, DEFAULT_LOCALE, switchOrder, type Locale } from "./i18n/config";
import { FALLBACK_TIME_ZONE, formatLocales } from "./i18n/formats";
import { browserLocale, resolveFormatting, resolveLocale } from "./i18n/locale.server";
import { useNonce } from "./components/nonce";
import { backdropColor } from "./domain/overlay-query";
import { SiteHeader } from "./components/site-header";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [locale, competition, user] = await Promise.all([
    resolveLocale(request),
    // The public home's edition: an edition still being prepared does not take over the site's links.
    context.services.competitions.featured(context.now()),
    context.services.auth.currentUser(request),
  ]);
  const url = new URL(request.url);
  // The featured edition is read once, above: the register button's call reuses it.
  const register = await context.services.registration.call(user ?? null, competition ?? null);
  return {
    registerHref: register.kind === "open" ? register.href : null,
    locale,
    // Numbers in the reader's own separators, dates in the featured edition's zone (a page about
    // another edition passes that edition's zone to useFormats).
    formats: formatLocales(locale, resolveFormatting(request, locale), competition?.time_zone ?? FALLBACK_TIME_ZONE),
    // A reader whose browser asks for Hong Kong, Macao or Taiwan Chinese finds 繁體中文 first.
    languages: switchOrder(browserLocale(request)),
    path: url.pathname + url.search,
    competitionSlug: competition?.slug ?? null,
    user: user ? { displayName: user.displayName, roles: user.roles } : null,
  };
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale: Locale = data?.locale ?? DEFAULT_LOCALE;
  const i18n = useMemo(() => createI18n(locale), [locale]);
  const nonce = useNonce();
  // A route with `handle.fullScreen` (the audience big screen) fills the window without the site chrome.
  const matches = useMatches();
  const fullScreen = matches.some((m) => (m.handle as { fullScreen?: boolean } | undefined)?.fullScreen);
  // A livestream overlay (`handle.overlay`) is composited over video: html and body have its
  // backdrop (transparent, or the chroma-key colour its loader read from the query), never the site's.
  const overlay = matches.find((m) => (m.handle as { overlay?: boolean } | undefined)?.overlay);
  const backdrop = overlay
    ? { background: backdropColor((overlay.data as { background?: unknown } | undefined)?.background) }
    : undefined;
  return (
    <html lang={locale} className="h-full" style={backdrop}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body
        className={overlay ? "min-h-full text-white antialiased" : "min-h-full bg-slate-50 text-slate-900 antialiased"}
        style={backdrop}
      >
        <I18nextProvider i18n={i18n}>
          {fullScreen ? (
            children
          ) : (
            <>
              <SiteHeader
                locale={locale}
                languages={data?.languages ?? [locale]}
                path={data?.path ?? "/"}
                competitionSlug={data?.competitionSlug ?? null}
                user={data?.user ?? null}
                registerHref={data?.registerHref ?? null}
              />
              <main className="mx-auto w-full max-w-7xl px-4 pb-16 pt-6 sm:px-6 lg:px-8">{children}</main>
            </>
          )}
        </I18nextProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <section className="mx-auto max-w-xl py-24 text-center">
      <h1 className="text-3xl font-semibold">{notFound ? t("errors.notFound") : t("errors.generic")}</h1>
      <p className="mt-4 text-slate-600">{notFound ? t("errors.notFoundBody") : t("errors.genericBody")}</p>
      <a href="/" className="mt-8 inline-block font-medium text-indigo-700 hover:underline">
        {t("errors.backHome")}
      </a>
    </section>
  );
}
