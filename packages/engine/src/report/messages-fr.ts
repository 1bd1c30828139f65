import type { Messages } from './messages-en.js';

/** The HTML report's French text: the same keys as `messagesEn`. */
export const messagesFr: Messages = {
  lang_name: 'Français',
  switch_to: 'English',
  switch_label: 'Show the report in English',
  title: 'Rapport d’intégrité et de performance',
  generated: 'Produit le {date}',
  run_id: 'Analyse {id}',
  contents: 'Sommaire',
  no_data: 'Aucune donnée.',
  dash: '—',
  yes: 'oui',
  no: 'non',

  overview: 'Vue d’ensemble',
  dataset: 'Jeu de données',
  dataset_unnamed: 'jeu de données sans nom',
  declarations_analysed: 'Déclarations analysées',
  period_covered: 'Période couverte',
  period_range: 'du {from} au {to}',
  peer_period: 'Chaque unité est comparée à ses pairs du même bureau et du même {period}.',
  period_month: 'mois',
  period_quarter: 'trimestre',
  period_year: 'exercice',
  units_by_status: 'Unités par statut',
  units_by_status_caption:
    'Nombre d’unités de chaque type signalées, sous surveillance, sans alerte ou sans données suffisantes',
  units_by_status_chart: 'Diagramme en barres : nombre d’unités de chaque type par statut',
  kind: 'Type d’unité',
  count: 'Nombre',
  total: 'Total',
  status_meanings: 'Ce que signifient les statuts',
  status_flagged_means:
    'au moins un indicateur s’écarte nettement de ce qu’observent les unités comparables, au-delà du hasard une fois les fausses découvertes contrôlées (q inférieur à {fdr}). À examiner en priorité.',
  status_watch_means:
    'un indicateur est inhabituel mais les éléments sont plus faibles (q inférieur à {watch}). À suivre ; ne pas agir sur ce seul motif.',
  status_clear_means:
    'tous les indicateurs sont dans la plage attendue pour ce bureau, cette période et ce profil de risque.',
  status_insufficient_data_means:
    'moins de {min} déclarations éligibles : trop peu pour juger, l’unité n’est donc jamais signalée.',
  due_process_title: 'Un signalement est une raison de regarder, jamais une constatation',
  due_process:
    'Ces chiffres comparent chaque unité à ses pairs. Un chiffre inhabituel peut avoir une explication honnête (une affectation particulière, des marchandises différentes, une erreur de données). Un signalement ouvre un examen ; il ne prouve rien. Entendez la personne concernée avant toute conclusion, et n’utilisez jamais ce rapport seul pour sanctionner qui que ce soit.',
  ids_pseudonyms:
    'Les agents, déclarants et opérateurs apparaissent sous pseudonyme (un code à clé). Les identités réelles ne sont affichées que lorsqu’un dossier le justifie.',
  ids_revealed:
    'Ce rapport montre l’identité réelle des agents, déclarants et opérateurs. Gardez-le confidentiel et ne le communiquez qu’aux personnes chargées des dossiers.',
  indicators_run: 'Indicateurs calculés',
  indicators_skipped: 'Indicateurs non calculés',
  indicators_skipped_reason: '{indicator} : {reason}',

  kind_officer: 'Agents',
  kind_declarant: 'Déclarants (commissionnaires en douane)',
  kind_trader: 'Opérateurs',
  kind_office: 'Bureaux',
  status_flagged: 'Signalé',
  status_watch: 'Sous surveillance',
  status_clear: 'Sans alerte',
  status_insufficient_data: 'Données insuffisantes',

  indicator_downgrade: 'Déclassement du circuit',
  indicator_downgrade_about:
    'Part des déclarations rouges ou jaunes passées dans un circuit moins strict. De nombreux déclassements peuvent signifier des contrôles monnayés.',
  indicator_red_uninspected: 'Circuit rouge sans visite',
  indicator_red_uninspected_about:
    'Part des déclarations en circuit rouge libérées sans la visite physique prévue.',
  indicator_low_detection: 'Faible taux de constatation',
  indicator_low_detection_about:
    'Part des visites ayant relevé une irrégularité. Constater bien moins que ses pairs sur des marchandises comparables peut signifier des visites qui « ne trouvent rien ».',
  indicator_low_uplift: 'Faible redressement sur constatations',
  indicator_low_uplift_about:
    'Hausse des droits lorsqu’une irrégularité est constatée. Un faible redressement peut signifier une sous-évaluation acceptée.',
  indicator_manual_assignment: 'Affectation manuelle',
  indicator_manual_assignment_about:
    'Part des déclarations affectées par une personne plutôt que par le système. Un commissionnaire obtient peut-être « son » agent.',
  indicator_fast_red: 'Mainlevée rapide après visite',
  indicator_fast_red_about:
    'Déclarations visitées libérées plus vite que 95 % des déclarations comparables : une visite qui n’a peut-être pas eu lieu.',
  indicator_undervaluation: 'Valeurs unitaires basses acceptées',
  indicator_undervaluation_about:
    'Articles acceptés à une valeur au kilogramme inférieure à la plage habituelle du produit, sans redressement.',
  indicator_pair_concentration: 'Couples agent–déclarant',
  indicator_pair_concentration_about:
    'Un agent qui traite les déclarations d’un déclarant bien plus souvent qu’une affectation indépendante ne le prévoit.',
  indicator_model_divergence: 'Risque élevé du modèle libéré',
  indicator_model_divergence_about:
    'Déclarations parmi les plus risquées selon le modèle, libérées en vert ou visitées sans constatation.',
  indicator_off_hours: 'Traitement hors des heures ouvrables',
  indicator_off_hours_about: 'Mainlevées accordées en dehors des heures ouvrables du bureau.',

  how_to_read: 'Comment lire un graphique en entonnoir',
  how_to_read_1:
    'Chaque point est une unité (un agent, un déclarant, un opérateur ou un bureau). En abscisse, la quantité d’information disponible : le nombre d’événements attendus compte tenu de son volume et de son profil de risque. En ordonnée, la comparaison avec ses pairs : 1 signifie exactement comme attendu, 2 deux fois plus souvent.',
  how_to_read_2:
    'La ligne horizontale est la cible : se comporter comme ses pairs. Les lignes en tirets encadrent 95 % des unités honnêtes, les lignes pleines 99,8 %. Elles se resserrent vers la droite, comme un entonnoir, car une unité qui traite plus de déclarations donne des chiffres plus fiables.',
  how_to_read_3:
    'Un point hors des lignes pleines s’explique mal par le hasard. Les points rouges sont signalés, les orange sous surveillance, les gris sans alerte. Ne classez pas les unités selon leur hauteur : une petite unité peut être haute par simple hasard. Survolez un point pour voir ses chiffres.',
  how_to_read_overdispersion:
    'Lorsque les unités diffèrent entre elles plus que le hasard ne le permet (surdispersion), les limites sont élargies pour ne pas signaler la variation ordinaire ; le graphique l’indique.',

  funnels: 'Graphiques en entonnoir par indicateur',
  funnel_caption: '{indicator} : {kind}',
  funnel_aria:
    'Graphique en entonnoir de l’indicateur {indicator} pour les {kind} : {tested} unités testées, {flagged} signalées, {watch} sous surveillance.',
  funnel_summary: '{tested} unités testées ; {flagged} signalées ; {watch} sous surveillance.',
  funnel_overdispersed:
    'Les unités diffèrent entre elles plus que le seul hasard ne l’explique ; les limites ont été élargies en conséquence.',
  funnel_x_ratio: 'Événements attendus (volume et profil de risque) →',
  funnel_y_ratio: '↑ Observé ÷ attendu',
  funnel_x_difference: 'Déclarations éligibles →',
  funnel_y_difference: '↑ Écart aux pairs (échelle logarithmique du redressement)',
  funnel_point_title: '{unit}\nx = {x}\ny = {y}\nq = {q}',
  funnel_limit_95: 'Limites à 95 %',
  funnel_limit_998: 'Limites à 99,8 %',
  funnel_target: 'Cible',
  funnel_none: 'Aucun graphique en entonnoir : aucun indicateur n’a pu être testé.',

  units: 'Unités classées',
  units_intro:
    'Pour chaque type, les unités sont classées selon un score composite qui additionne les éléments ajustés de leurs indicateurs signalés. Les unités signalées ou sous surveillance sont toutes listées avec leurs motifs en clair ; les unités sans alerte sont dénombrées et les mieux classées peuvent être affichées ci-dessous.',
  rank: 'Rang',
  unit: 'Unité',
  office: 'Bureau',
  volume: 'Déclarations',
  score: 'Score',
  status: 'Statut',
  why: 'Motifs',
  units_none_flagged: 'Aucune unité n’est signalée ni sous surveillance.',
  units_clear_count: '{clear} sans alerte ; {insufficient} sans données suffisantes pour juger.',
  units_clear_details: 'Afficher les {n} unités sans alerte les mieux classées',
  flag_line: '{indicator} : {explanation}',
  flag_evidence: 'q = {q}',
  flag_evidence_below: 'q < {q}',
  flag_evidence_title:
    'q : la probabilité qu’un signalement comme celui-ci soit une fausse alerte, après contrôle des fausses découvertes',

  pairs: 'Couples agent–déclarant',
  pairs_intro:
    'Lorsque les déclarations doivent être affectées indépendamment de leur déposant, un agent et un déclarant qui se rencontrent bien plus souvent que le hasard ne le prévoit méritent un examen (le test qui a révélé la collusion dans les douanes de Madagascar). Le rapport est observé ÷ attendu.',
  pairs_significant:
    '{n} couples sont significatifs (q inférieur à {fdr}) sur {tested} testés et {observed} observés.',
  pairs_top: 'Couples aux éléments les plus forts',
  officer: 'Agent',
  declarant: 'Déclarant',
  observed: 'Observé',
  expected: 'Attendu',
  lift: 'Rapport',
  manual: 'Affectés manuellement',
  periods: 'Périodes',
  q: 'q',
  pairs_none: 'Aucun couple n’a été testé.',

  release_times: 'Délais de mainlevée (étude sur le temps nécessaire à la mainlevée)',
  release_intro:
    'Temps écoulé d’une étape du dédouanement à la suivante, selon l’étude de l’OMD sur le temps nécessaire à la mainlevée. Des délais longs et imprévisibles sont en eux-mêmes un risque pour l’intégrité : ils laissent place aux « frais de facilitation ».',
  release_chart_aria: 'Diagramme en barres : {what}',
  release_extreme_rule: 'Valeurs extrêmes : {rule}',
  hours: 'heures',
  median_hours: 'Médiane (heures)',

  performance: 'Indicateurs de performance (PMM)',
  performance_intro:
    'Indicateurs calculés à partir des données de dédouanement, regroupés selon les quatre dimensions du mécanisme de mesure de la performance de l’OMD.',
  indicator: 'Indicateur',
  value: 'Valeur',
  unit_of_measure: 'Unité',
  direction: 'Meilleur si',
  direction_higher: 'plus élevé',
  direction_lower: 'plus bas',
  dimension: 'Dimension',
  performance_chart_aria: 'Diagramme en barres des indicateurs de la dimension {dimension}',

  mirror: 'Analyse miroir',
  mirror_intro:
    'Importations enregistrées comparées aux exportations déclarées par nos partenaires, dans une même monnaie et ajustées de FAB à CAF. Un écart est une raison de regarder, pas une preuve : versions du SH, décalages, réexportations et règles d’origine créent des écarts.',
  mirror_gaps: 'Écarts les plus importants',
  mirror_gaps_aria:
    'Diagramme en barres des plus grands écarts entre exportations des partenaires et importations enregistrées',
  mirror_tariff: 'Droit de douane et écart',
  mirror_tariff_intro:
    'D’un produit à l’autre, un écart qui croît avec le droit de douane suggère une fraude (Fisman et Wei, 2004). Pente : {slope} (erreur type {se}).',
  mirror_tariff_aria:
    'Nuage de points de l’écart en fonction du taux de droit, avec la droite ajustée',
  mirror_shares: 'Qui traite les flux aux écarts les plus importants',
  tariff: 'Taux de droit',
  gap: 'Écart',

  section_table_caption: '{name} : {rows} lignes',
  section_rows_shown: '{shown} premières lignes sur {rows}.',
  other_results: 'Autres résultats',

  release_segment: 'Segment',
  release_group: 'Groupe',
  release_durations: 'Durées',
  release_mean: 'Moyenne (h)',
  release_median: 'Médiane (h)',
  release_p90: '90e centile (h)',
  release_within24: 'Mainlevée en 24 h',
  release_within48: 'Mainlevée en 48 h',
  release_excluded: 'Écartées',
  release_overall: 'Toutes les déclarations, segment par segment',
  release_overall_chart: 'Durée médiane de chaque segment en heures, toutes déclarations',
  release_by_channel: '{segment}, par circuit',
  release_by_office: '{segment}, par bureau',
  release_by_transport_mode: '{segment}, par mode de transport',
  release_by_hs_section: '{segment}, par section du SH',
  release_chart_x: 'Heures (barre : médiane ; trait orange : 90e centile)',
  release_table_summary: 'Afficher les chiffres',
  release_coverage:
    '{with} des {declarations} déclarations ont des étapes de dédouanement ; les autres sont mesurées du dépôt à la mainlevée.',
  channel_green: 'Vert',
  channel_yellow: 'Jaune',
  channel_red: 'Rouge',
  channel_blue: 'Bleu',

  performance_overall: 'Tous bureaux',
  unit_hours: 'heures',
  unit_share: 'part',
  unit_currency: 'monnaie',
  unit_count: 'nombre',
  unit_months: 'mois',
  direction_neutral: 'sans sens préférable',
  performance_share_chart: '{dimension} : indicateurs exprimés en parts, tous bureaux',
  performance_share_x: 'Part (%)',

  mirror_hs6: 'Produit (SH6)',
  mirror_partner: 'Partenaire',
  period: 'Période',
  mirror_declared: 'Importations déclarées (USD)',
  mirror_partner_cif: 'Exportations du partenaire, CAF (USD)',
  mirror_gap_usd: 'Écart (USD)',
  mirror_ratio: 'Partenaire ÷ déclaré',
  mirror_gap_chart_x: 'Écart (dollars des États-Unis)',
  mirror_tariff_x: 'Taux de droit (points de pourcentage)',
  mirror_tariff_y: 'Écart logarithmique (ln partenaire ÷ déclaré)',
  mirror_tariff_fit: 'Produits dans la régression : {n} ; R² pondéré : {r2}.',
  mirror_tariff_none: 'Trop peu de produits avec un taux de droit pour estimer la relation.',
  mirror_unavailable: 'L’analyse miroir n’a pu comparer aucun flux.',
  mirror_notes: 'Ce qui a été écarté',
  mirror_declarants: 'Déclarants',
  mirror_offices: 'Bureaux',
  mirror_top_declarations: 'Déclarations dans les flux aux plus grands écarts',
  mirror_share_in_top: 'Part des flux aux plus grands écarts',
  mirror_overall_share: 'Part de tous les flux',
  mirror_excess: 'Valeur excédentaire dans les flux aux plus grands écarts (USD)',
  mirror_withheld: 'masqué (pas un pseudonyme)',
  notes_in_english: '(en anglais)',

  section_unit_values: 'Bandes de référence des valeurs unitaires',
  unit_values_intro:
    'Pour chaque produit (SH6), et chaque couple produit–origine lorsque les données suffisent, la plage habituelle de valeur au kilogramme (médiane ± k × MAD de son logarithme). Les articles acceptés en dessous de leur bande sans redressement alimentent l’indicateur « valeurs unitaires basses acceptées ».',
  uv_hs6Bands: 'Produits (SH6) ayant une bande de référence',
  uv_originBands: 'Couples produit–origine ayant leur propre bande',
  uv_items: 'Articles',
  uv_itemsWithValuePerKg: 'Articles ayant une valeur au kilogramme',
  uv_itemsBanded: 'Articles comparés à une bande',
  uv_itemsOriginBand: 'Articles comparés à une bande produit–origine',
  uv_itemsBelowBand: 'Articles sous leur bande',
  uv_itemsBelowBandNotReassessed: 'Articles sous leur bande et non redressés',
  uv_madK: 'Largeur de la bande (k × MAD)',
  uv_minBandItems: 'Nombre minimal d’articles pour former une bande',

  configuration: 'Paramètres utilisés',
  configuration_intro:
    'Chaque chiffre de ce rapport peut être reproduit à partir des données et de ces paramètres.',
  setting: 'Paramètre',
  config_period: 'Période de comparaison',
  config_fdrLevel: 'Seuil de fausses découvertes pour un signalement (q inférieur à)',
  config_watchLevel: 'Seuil de surveillance (q inférieur à)',
  config_minVolume: 'Nombre minimal de déclarations éligibles pour juger',
  config_strata: 'Groupes de pairs (profil de risque) définis par',
  config_winsorize: 'Part écrêtée à chaque extrémité pour estimer la surdispersion',
  config_fastReleaseQuantile: 'Quantile des pairs en dessous duquel une mainlevée est rapide',
  config_workingHours: 'Heures ouvrables',
  config_officeWorkingHours: 'Heures ouvrables de certains bureaux',
  config_madK: 'Largeur de la bande de valeur unitaire (k × MAD)',
  config_minBandItems: 'Nombre minimal d’articles pour former une bande de valeur unitaire',
  config_cifFobFactor: 'Facteur CAF/FAB (analyse miroir)',
  config_mirrorTopShare: 'Part des plus grands écarts miroir examinés',
  config_trsMaxHours: 'Délais au-delà de ce nombre d’heures écartés',
  config_pairMinObserved: 'Nombre minimal de rencontres pour tester un couple',
  config_pseudonymKeyFingerprint: 'Empreinte de la clé des pseudonymes',

  footer:
    'Produit par Probity, logiciel libre d’intégrité pour les administrations douanières. Autonome : fonctionne sans connexion réseau.',
  charts_need_script: 'Les graphiques nécessitent JavaScript pour s’afficher.',
  chart_failed: 'Ce graphique n’a pas pu être dessiné.',
};
