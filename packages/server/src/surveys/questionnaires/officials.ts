import type { Questionnaire } from '../../api/surveys.js';
import { arushaFactors } from '../arusha-factors.js';
import { likertScale } from './likert-scale.js';

const name = (id: string) => {
  const factor = arushaFactors.find((f) => f.id === id);
  if (!factor) throw new Error(`unknown Arusha factor ${id}`);
  return { ...factor.name };
};

/**
 * The default questionnaire for Customs officials: three statements per
 * Revised Arusha Declaration factor, each worded so that agreeing is the
 * favourable answer.
 */
export const officialsQuestionnaire: Questionnaire = {
  id: 'officials-v1',
  audience: 'officials',
  title: {
    en: 'Customs integrity perception survey: officials',
    fr: 'Enquête sur la perception de l’intégrité douanière : agents des douanes',
  },
  introduction: {
    en: 'This survey asks how you see integrity in your administration, by the ten factors of the WCO’s Revised Arusha Declaration. It is anonymous: no name, account, address or device information is asked or recorded, and results are never shown for a group of fewer than the minimum number of respondents. Do not sign in: answer through this link only. Every question is optional; choose “Don’t know” when you have no view.',
    fr: 'Cette enquête porte sur votre perception de l’intégrité dans votre administration, selon les dix facteurs de la Déclaration d’Arusha révisée de l’OMD. Elle est anonyme : aucun nom, compte, adresse ou information sur votre appareil n’est demandé ni enregistré, et aucun résultat n’est affiché pour un groupe comptant moins de répondants que le minimum fixé. Ne vous connectez pas : répondez uniquement par ce lien. Toutes les questions sont facultatives ; choisissez « Ne sait pas » si vous n’avez pas d’avis.',
  },
  scale: likertScale,
  profile: {
    question: {
      en: 'Where do you mostly work? (optional)',
      fr: 'Où travaillez-vous principalement ? (facultatif)',
    },
    options: [
      { id: 'headquarters', label: { en: 'Headquarters', fr: 'Administration centrale' } },
      {
        id: 'border',
        label: {
          en: 'Border post, port or airport',
          fr: 'Poste frontière, port ou aéroport',
        },
      },
      {
        id: 'inland',
        label: { en: 'Inland office or other', fr: 'Bureau intérieur ou autre' },
      },
    ],
  },
  factors: [
    {
      id: 'leadership',
      name: name('leadership'),
      items: [
        {
          id: 'of.leadership.1',
          text: {
            en: 'Our senior management is committed to fighting corruption.',
            fr: 'Notre direction est engagée dans la lutte contre la corruption.',
          },
        },
        {
          id: 'of.leadership.2',
          text: {
            en: 'My managers lead by example on integrity.',
            fr: 'Mes supérieurs donnent l’exemple en matière d’intégrité.',
          },
        },
        {
          id: 'of.leadership.3',
          text: {
            en: 'The integrity programme has the resources it needs.',
            fr: 'Le programme d’intégrité dispose des moyens nécessaires.',
          },
        },
      ],
    },
    {
      id: 'regulatory_framework',
      name: name('regulatory_framework'),
      items: [
        {
          id: 'of.regulatory.1',
          text: {
            en: 'The procedures I apply are clear and leave little room for personal discretion.',
            fr: 'Les procédures que j’applique sont claires et laissent peu de place à l’appréciation personnelle.',
          },
        },
        {
          id: 'of.regulatory.2',
          text: {
            en: 'When I must use my judgement, there is guidance on how to decide.',
            fr: 'Lorsque je dois exercer mon jugement, des instructions m’indiquent comment décider.',
          },
        },
        {
          id: 'of.regulatory.3',
          text: {
            en: 'Decisions that change a declaration’s outcome need a second person’s approval.',
            fr: 'Les décisions qui modifient l’issue d’une déclaration doivent être approuvées par une deuxième personne.',
          },
        },
      ],
    },
    {
      id: 'transparency',
      name: name('transparency'),
      items: [
        {
          id: 'of.transparency.1',
          text: {
            en: 'Our service standards, such as release times, are published.',
            fr: 'Nos normes de service, comme les délais de mainlevée, sont publiées.',
          },
        },
        {
          id: 'of.transparency.2',
          text: {
            en: 'Traders can easily find out how and why decisions are made.',
            fr: 'Les opérateurs peuvent facilement savoir comment et pourquoi les décisions sont prises.',
          },
        },
        {
          id: 'of.transparency.3',
          text: {
            en: 'I am told the reasons for decisions that affect my career.',
            fr: 'On m’explique les raisons des décisions qui concernent ma carrière.',
          },
        },
      ],
    },
    {
      id: 'automation',
      name: name('automation'),
      items: [
        {
          id: 'of.automation.1',
          text: {
            en: 'Automation has reduced face-to-face contact with traders where it is not needed.',
            fr: 'L’automatisation a réduit les contacts directs inutiles avec les opérateurs.',
          },
        },
        {
          id: 'of.automation.2',
          text: {
            en: 'Declarations are assigned to officials by the system, not chosen by people.',
            fr: 'Les déclarations sont attribuées aux agents par le système, et non choisies par des personnes.',
          },
        },
        {
          id: 'of.automation.3',
          text: {
            en: 'Every change to a declaration in the system is recorded and can be traced.',
            fr: 'Toute modification d’une déclaration dans le système est enregistrée et traçable.',
          },
        },
      ],
    },
    {
      id: 'reform_modernisation',
      name: name('reform_modernisation'),
      items: [
        {
          id: 'of.reform.1',
          text: {
            en: 'Recent reforms have made our work simpler and fairer.',
            fr: 'Les réformes récentes ont rendu notre travail plus simple et plus équitable.',
          },
        },
        {
          id: 'of.reform.2',
          text: {
            en: 'Staff are consulted about changes to procedures.',
            fr: 'Le personnel est consulté sur les changements de procédures.',
          },
        },
        {
          id: 'of.reform.3',
          text: {
            en: 'Reforms have reduced the opportunities for corruption.',
            fr: 'Les réformes ont réduit les occasions de corruption.',
          },
        },
      ],
    },
    {
      id: 'audit_investigation',
      name: name('audit_investigation'),
      items: [
        {
          id: 'of.audit.1',
          text: {
            en: 'Corruption in our administration is likely to be detected.',
            fr: 'La corruption dans notre administration a de fortes chances d’être détectée.',
          },
        },
        {
          id: 'of.audit.2',
          text: {
            en: 'Investigations are fair to the officials concerned.',
            fr: 'Les enquêtes sont équitables envers les agents concernés.',
          },
        },
        {
          id: 'of.audit.3',
          text: {
            en: 'I could report wrongdoing without fear of reprisal.',
            fr: 'Je pourrais signaler un manquement sans crainte de représailles.',
          },
        },
      ],
    },
    {
      id: 'code_of_conduct',
      name: name('code_of_conduct'),
      items: [
        {
          id: 'of.conduct.1',
          text: {
            en: 'I know our code of conduct and what it asks of me.',
            fr: 'Je connais notre code de conduite et ce qu’il exige de moi.',
          },
        },
        {
          id: 'of.conduct.2',
          text: {
            en: 'I know what to do when offered a gift or faced with a conflict of interest.',
            fr: 'Je sais quoi faire lorsqu’on m’offre un cadeau ou en cas de conflit d’intérêts.',
          },
        },
        {
          id: 'of.conduct.3',
          text: {
            en: 'Breaches of the code of conduct have consequences, whatever the rank of the person.',
            fr: 'Les manquements au code de conduite ont des conséquences, quel que soit le grade de la personne.',
          },
        },
      ],
    },
    {
      id: 'human_resources',
      name: name('human_resources'),
      items: [
        {
          id: 'of.hr.1',
          text: {
            en: 'Recruitment and promotion are based on merit.',
            fr: 'Le recrutement et l’avancement sont fondés sur le mérite.',
          },
        },
        {
          id: 'of.hr.2',
          text: {
            en: 'Postings and rotations are decided fairly and openly.',
            fr: 'Les affectations et rotations sont décidées de façon équitable et transparente.',
          },
        },
        {
          id: 'of.hr.3',
          text: {
            en: 'My pay and conditions allow me to live decently.',
            fr: 'Ma rémunération et mes conditions de travail me permettent de vivre décemment.',
          },
        },
      ],
    },
    {
      id: 'morale_culture',
      name: name('morale_culture'),
      items: [
        {
          id: 'of.morale.1',
          text: {
            en: 'I am proud to work for Customs.',
            fr: 'Je suis fier ou fière de travailler pour la douane.',
          },
        },
        {
          id: 'of.morale.2',
          text: {
            en: 'Colleagues who refuse bribes are respected, not isolated.',
            fr: 'Les collègues qui refusent les pots-de-vin sont respectés, et non mis à l’écart.',
          },
        },
        {
          id: 'of.morale.3',
          text: {
            en: 'Good work is recognised in my administration.',
            fr: 'Le travail bien fait est reconnu dans mon administration.',
          },
        },
      ],
    },
    {
      id: 'private_sector_relationship',
      name: name('private_sector_relationship'),
      items: [
        {
          id: 'of.relationship.1',
          text: {
            en: 'Our contacts with traders and brokers follow clear rules.',
            fr: 'Nos contacts avec les opérateurs et les commissionnaires suivent des règles claires.',
          },
        },
        {
          id: 'of.relationship.2',
          text: {
            en: 'Business associations help us fight corruption.',
            fr: 'Les organisations professionnelles nous aident à lutter contre la corruption.',
          },
        },
        {
          id: 'of.relationship.3',
          text: {
            en: 'Traders who offer bribes face consequences.',
            fr: 'Les opérateurs qui offrent des pots-de-vin en subissent les conséquences.',
          },
        },
      ],
    },
  ],
};
