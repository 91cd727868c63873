import { useEffect, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { errorMessage } from "../shared/api-client.js";
import type { Catalog } from "../shared/api-schemas.js";
import { useApp } from "../shared/app-context.js";
import { Message, ServiceName } from "../shared/Message.js";
import { ErrorMessage } from "../shared/Notice.js";
import { capabilitiesFor } from "../shared/permissions.js";
import { routeHref } from "../shared/router.js";
import { useScreenTitle } from "../shared/screen-title.js";
import { ServiceTabs, Tabs } from "../shared/Tabs.js";
import { CuratedListEditor } from "./CuratedListEditor.js";

/**
 * The top stories of a service's home page and of each section: editors pin and order them;
 * below them the reader page fills with the newest stories by itself.
 */
export function CurationScreen(props: {
  readonly serviceId: string | null;
  readonly section: string | null;
}) {
  const { api, services, session } = useApp();
  const { t } = useUiText();
  const service = services.find((s) => s.id === props.serviceId) ?? services[0];
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [error, setError] = useState<string | null>(null);
  const section = catalog?.sections.find((s) => s.slug === props.section) ?? null;
  useScreenTitle(
    service
      ? t("curation.documentTitle", {
          service: service.name,
          page: section ? section.name : t("curation.home"),
        })
      : t("curation.title"),
  );

  useEffect(() => {
    if (!service) return;
    let live = true;
    setCatalog(null);
    api
      .catalog(service.id)
      .then((loaded) => live && setCatalog(loaded))
      .catch((failure: unknown) => live && setError(errorMessage(failure)));
    return () => {
      live = false;
    };
  }, [api, service]);

  if (!service) return <h1 tabIndex={-1}>{t("curation.title")}</h1>;
  const can = capabilitiesFor(session, service.id);
  const hrefFor = (serviceId: string, slug: string | null) =>
    routeHref({ screen: "curation", serviceId, section: slug });
  const unknownSection = catalog !== null && props.section !== null && section === null;

  return (
    <>
      <h1 tabIndex={-1}>
        <Message
          text={t("curation.heading")}
          parts={{ service: <ServiceName service={service} /> }}
        />
      </h1>
      <ServiceTabs currentId={service.id} hrefFor={(serviceId) => hrefFor(serviceId, null)} />
      <ErrorMessage message={error} />
      {catalog ? (
        <Tabs
          label={t("curation.pages")}
          tabs={[
            {
              href: hrefFor(service.id, null),
              label: t("curation.home"),
              current: props.section === null,
            },
            ...catalog.sections.map((s) => ({
              href: hrefFor(service.id, s.slug),
              label: s.name,
              current: s.slug === props.section,
              lang: service.locale,
              dir: service.dir,
            })),
          ]}
        />
      ) : null}
      <p>{t("curation.intro")}</p>
      {unknownSection ? <ErrorMessage message={t("curation.noSuchSection")} /> : null}
      {catalog && !unknownSection ? (
        <CuratedListEditor
          key={`${service.id}/${props.section ?? ""}`}
          list={{ kind: "front", serviceId: service.id, section: props.section }}
          serviceId={service.id}
          anyServiceOption={false}
          browseWhenEmpty
          canEdit={can.canPublish}
          heading={
            section
              ? t("curation.sectionHeading", { section: section.name })
              : t("curation.homeHeading")
          }
          headingLevel={2}
        />
      ) : null}
    </>
  );
}
