import type { Questionnaire } from '../../api/surveys.js';
import { arushaFactors } from '../arusha-factors.js';
import { likertScale } from './likert-scale.js';

const name = (id: string) => {
  const factor = arushaFactors.find((f) => f.id === id);
  if (!factor) throw new Error(`unknown Arusha factor ${id}`);
  return { ...factor.name };
};

/**
 * The default questionnaire for traders, customs brokers and others who deal
 * with Customs: three statements per Revised Arusha Declaration factor, each
 * worded so that agreeing is the favourable answer.
 */
export const privateSectorQuestionnaire: Questionnaire = {
  id: 'private-sector-v1',
  audience: 'private_sector',
  title: {
    en: 'Customs integrity perception survey: private sector',
    fr: 'Enquête sur la perception de l’intégrité douanière : secteur privé',
  },
  introduction: {
    en: 'This survey asks how you see the integrity of Customs, by the ten factors of the WCO’s Revised Arusha Declaration. It is anonymous: no name, account, address or device information is asked or recorded. Answer from your own experience over the last twelve months. Every question is optional; choose “Don’t know” when you have no view.',
    fr: 'Cette enquête porte sur votre perception de l’intégrité de la douane, selon les dix facteurs de la Déclaration d’Arusha révisée de l’OMD. Elle est anonyme : aucun nom, compte, adresse ou information sur votre appareil n’est demandé ni enregistré. Répondez d’après votre expérience des douze derniers mois. Toutes les questions sont facultatives ; choisissez « Ne sait pas » si vous n’avez pas d’avis.',
  },
  scale: likertScale,
  profile: {
    question: {
      en: 'Which best describes you? (optional)',
      fr: 'Laquelle de ces descriptions vous correspond le mieux ? (facultatif)',
    },
    options: [
      { id: 'trader', label: { en: 'Importer or exporter', fr: 'Importateur ou exportateur' } },
      { id: 'broker', label: { en: 'Customs broker', fr: 'Commissionnaire en douane' } },
      {
        id: 'other',
        label: {
          en: 'Freight forwarder, carrier or other',
          fr: 'Transitaire, transporteur ou autre',
        },
      },
    ],
  },
  factors: [
    {
      id: 'leadership',
      name: name('leadership'),
      items: [
        {
          id: 'ps.leadership.1',
          text: {
            en: 'The heads of Customs show clearly that they will not tolerate corruption.',
            fr: 'Les dirigeants de la douane montrent clairement qu’ils ne tolèrent pas la corruption.',
          },
        },
        {
          id: 'ps.leadership.2',
          text: {
            en: 'Senior officials act on integrity problems reported to them.',
            fr: 'Les hauts responsables agissent lorsque des problèmes d’intégrité leur sont signalés.',
          },
        },
        {
          id: 'ps.leadership.3',
          text: {
            en: 'Managers at the offices I use set a good example.',
            fr: 'Les chefs des bureaux que je fréquente donnent le bon exemple.',
          },
        },
      ],
    },
    {
      id: 'regulatory_framework',
      name: name('regulatory_framework'),
      items: [
        {
          id: 'ps.regulatory.1',
          text: {
            en: 'Customs laws and procedures are clear and simple enough to follow without help from an official.',
            fr: 'Les lois et procédures douanières sont assez claires et simples pour être appliquées sans l’aide d’un agent.',
          },
        },
        {
          id: 'ps.regulatory.2',
          text: {
            en: 'Officials have little room to apply the rules as they please.',
            fr: 'Les agents ont peu de latitude pour appliquer les règles à leur guise.',
          },
        },
        {
          id: 'ps.regulatory.3',
          text: {
            en: 'Changes to the rules are announced in good time before they apply.',
            fr: 'Les changements de réglementation sont annoncés suffisamment tôt avant leur entrée en vigueur.',
          },
        },
      ],
    },
    {
      id: 'transparency',
      name: name('transparency'),
      items: [
        {
          id: 'ps.transparency.1',
          text: {
            en: 'I can easily find the duties, fees and procedures that apply to my goods.',
            fr: 'Je trouve facilement les droits, redevances et procédures applicables à mes marchandises.',
          },
        },
        {
          id: 'ps.transparency.2',
          text: {
            en: 'Customs explains its decisions, such as a reassessment or an inspection, when asked.',
            fr: 'La douane explique ses décisions, comme un redressement ou un contrôle, lorsqu’on le lui demande.',
          },
        },
        {
          id: 'ps.transparency.3',
          text: {
            en: 'I know how to appeal a Customs decision, and appeals are handled fairly.',
            fr: 'Je sais comment contester une décision de la douane, et les recours sont traités équitablement.',
          },
        },
      ],
    },
    {
      id: 'automation',
      name: name('automation'),
      items: [
        {
          id: 'ps.automation.1',
          text: {
            en: 'I can complete most formalities electronically, without meeting an official.',
            fr: 'Je peux accomplir la plupart des formalités par voie électronique, sans rencontrer d’agent.',
          },
        },
        {
          id: 'ps.automation.2',
          text: {
            en: 'The electronic system works reliably when I need it.',
            fr: 'Le système électronique fonctionne de façon fiable quand j’en ai besoin.',
          },
        },
        {
          id: 'ps.automation.3',
          text: {
            en: 'Payments to Customs are made electronically or against an official receipt.',
            fr: 'Les paiements à la douane se font par voie électronique ou contre une quittance officielle.',
          },
        },
      ],
    },
    {
      id: 'reform_modernisation',
      name: name('reform_modernisation'),
      items: [
        {
          id: 'ps.reform.1',
          text: {
            en: 'Clearance has become simpler and faster over the last two years.',
            fr: 'Le dédouanement est devenu plus simple et plus rapide au cours des deux dernières années.',
          },
        },
        {
          id: 'ps.reform.2',
          text: {
            en: 'Customs consults businesses before it changes procedures.',
            fr: 'La douane consulte les entreprises avant de modifier ses procédures.',
          },
        },
        {
          id: 'ps.reform.3',
          text: {
            en: 'Reforms have reduced the opportunities for officials to ask for unofficial payments.',
            fr: 'Les réformes ont réduit les occasions pour les agents de demander des paiements informels.',
          },
        },
      ],
    },
    {
      id: 'audit_investigation',
      name: name('audit_investigation'),
      items: [
        {
          id: 'ps.audit.1',
          text: {
            en: 'An official who takes a bribe is likely to be found out.',
            fr: 'Un agent qui accepte un pot-de-vin a de fortes chances d’être découvert.',
          },
        },
        {
          id: 'ps.audit.2',
          text: {
            en: 'Officials found to be corrupt are punished.',
            fr: 'Les agents reconnus corrompus sont sanctionnés.',
          },
        },
        {
          id: 'ps.audit.3',
          text: {
            en: 'I would feel safe reporting a request for a bribe.',
            fr: 'Je me sentirais en sécurité pour signaler une demande de pot-de-vin.',
          },
        },
      ],
    },
    {
      id: 'code_of_conduct',
      name: name('code_of_conduct'),
      items: [
        {
          id: 'ps.conduct.1',
          text: {
            en: 'I know what behaviour to expect from Customs officials.',
            fr: 'Je sais quel comportement attendre des agents des douanes.',
          },
        },
        {
          id: 'ps.conduct.2',
          text: {
            en: 'Officials I deal with behave professionally and courteously.',
            fr: 'Les agents avec qui je traite se comportent de façon professionnelle et courtoise.',
          },
        },
        {
          id: 'ps.conduct.3',
          text: {
            en: 'Officials do not ask for gifts, favours or unofficial payments.',
            fr: 'Les agents ne demandent ni cadeaux, ni faveurs, ni paiements informels.',
          },
        },
      ],
    },
    {
      id: 'human_resources',
      name: name('human_resources'),
      items: [
        {
          id: 'ps.hr.1',
          text: {
            en: 'Officials are competent and know the procedures they apply.',
            fr: 'Les agents sont compétents et connaissent les procédures qu’ils appliquent.',
          },
        },
        {
          id: 'ps.hr.2',
          text: {
            en: 'Officials are rotated so that no one stays too long in a sensitive post.',
            fr: 'Les agents changent de poste de sorte que nul ne reste trop longtemps à un poste sensible.',
          },
        },
        {
          id: 'ps.hr.3',
          text: {
            en: 'I believe officials are recruited and promoted on merit.',
            fr: 'Je crois que les agents sont recrutés et promus au mérite.',
          },
        },
      ],
    },
    {
      id: 'morale_culture',
      name: name('morale_culture'),
      items: [
        {
          id: 'ps.morale.1',
          text: {
            en: 'Officials seem proud of their work and of Customs.',
            fr: 'Les agents semblent fiers de leur travail et de la douane.',
          },
        },
        {
          id: 'ps.morale.2',
          text: {
            en: 'Officials who refuse bribes are respected by their colleagues.',
            fr: 'Les agents qui refusent les pots-de-vin sont respectés par leurs collègues.',
          },
        },
        {
          id: 'ps.morale.3',
          text: {
            en: 'Paying to speed up clearance is not the normal way of doing business.',
            fr: 'Payer pour accélérer le dédouanement n’est pas la façon normale de travailler.',
          },
        },
      ],
    },
    {
      id: 'private_sector_relationship',
      name: name('private_sector_relationship'),
      items: [
        {
          id: 'ps.relationship.1',
          text: {
            en: 'Customs treats businesses like mine as partners.',
            fr: 'La douane traite les entreprises comme la mienne en partenaires.',
          },
        },
        {
          id: 'ps.relationship.2',
          text: {
            en: 'There is a working forum where businesses and Customs discuss problems, including integrity.',
            fr: 'Il existe un cadre de dialogue où les entreprises et la douane discutent des problèmes, y compris d’intégrité.',
          },
        },
        {
          id: 'ps.relationship.3',
          text: {
            en: 'Businesses that comply are rewarded with simpler and faster procedures.',
            fr: 'Les entreprises qui respectent les règles bénéficient de procédures plus simples et plus rapides.',
          },
        },
      ],
    },
  ],
};
