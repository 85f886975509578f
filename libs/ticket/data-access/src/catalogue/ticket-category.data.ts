import { TicketMode } from '../ticket/ticket.enums';
import { AttributeDatatype, type CategoryAttribute } from './category-attribute';

const { ONSITE, COORDINATED, EMERGENCY, PROXY } = TicketMode;

/**
 * The catalogue a new installation starts with (DESIGN.md: 信访维稳, 城市管理, 环境卫生, 环境保护,
 * 安全生产, 食品药品, 社区党建, disputes 家庭矛盾/邻里纠纷/小区治理, plus 代办 services). Admins add and
 * disable categories afterwards (`createTicketCategory`, `setTicketCategoryActive`).
 */
export const INITIAL_CATEGORIES: readonly {
  code: string;
  name: string;
  defaultMode: TicketMode;
  attributes?: CategoryAttribute[];
}[] = [
  { code: 'PETITION_STABILITY', name: '信访维稳', defaultMode: COORDINATED },
  { code: 'PETITION_STABILITY.PETITION', name: '信访诉求', defaultMode: COORDINATED },
  { code: 'PETITION_STABILITY.RISK', name: '不稳定因素', defaultMode: EMERGENCY },
  { code: 'CITY_MANAGEMENT', name: '城市管理', defaultMode: COORDINATED },
  { code: 'CITY_MANAGEMENT.ROAD', name: '道路设施', defaultMode: COORDINATED },
  { code: 'CITY_MANAGEMENT.STREET_LIGHT', name: '路灯照明', defaultMode: COORDINATED },
  { code: 'CITY_MANAGEMENT.MANHOLE', name: '井盖设施', defaultMode: COORDINATED },
  { code: 'CITY_MANAGEMENT.ILLEGAL_CONSTRUCTION', name: '违法建设', defaultMode: COORDINATED },
  { code: 'CITY_MANAGEMENT.STREET_VENDOR', name: '占道经营', defaultMode: ONSITE },
  { code: 'ENVIRONMENTAL_SANITATION', name: '环境卫生', defaultMode: ONSITE },
  { code: 'ENVIRONMENTAL_SANITATION.GARBAGE', name: '垃圾清运', defaultMode: ONSITE },
  { code: 'ENVIRONMENTAL_SANITATION.PUBLIC_TOILET', name: '公共厕所', defaultMode: COORDINATED },
  { code: 'ENVIRONMENTAL_PROTECTION', name: '环境保护', defaultMode: COORDINATED },
  {
    code: 'ENVIRONMENTAL_PROTECTION.NOISE',
    name: '噪声扰民',
    defaultMode: COORDINATED,
    attributes: [
      {
        code: 'NOISE_SOURCE',
        description: '噪声来源',
        datatype: AttributeDatatype.SINGLEVALUELIST,
        required: false,
        values: ['CONSTRUCTION', 'BUSINESS', 'RESIDENTIAL', 'TRAFFIC'],
      },
    ],
  },
  { code: 'ENVIRONMENTAL_PROTECTION.POLLUTION', name: '污染排放', defaultMode: COORDINATED },
  { code: 'SAFETY_PRODUCTION', name: '安全生产', defaultMode: EMERGENCY },
  {
    code: 'SAFETY_PRODUCTION.FIRE',
    name: '消防安全',
    defaultMode: EMERGENCY,
    attributes: [
      {
        code: 'HAZARD',
        description: '隐患类型',
        datatype: AttributeDatatype.SINGLEVALUELIST,
        required: false,
        values: ['BLOCKED_EXIT', 'EXTINGUISHER', 'WIRING', 'OPEN_FIRE', 'OTHER'],
      },
    ],
  },
  { code: 'SAFETY_PRODUCTION.GAS', name: '燃气安全', defaultMode: EMERGENCY },
  { code: 'SAFETY_PRODUCTION.CONSTRUCTION', name: '建筑施工安全', defaultMode: COORDINATED },
  { code: 'FOOD_AND_DRUG', name: '食品药品', defaultMode: COORDINATED },
  { code: 'FOOD_AND_DRUG.FOOD_SAFETY', name: '食品安全', defaultMode: COORDINATED },
  { code: 'FOOD_AND_DRUG.DRUG_SAFETY', name: '药品安全', defaultMode: COORDINATED },
  { code: 'PARTY_BUILDING', name: '社区党建', defaultMode: ONSITE },
  { code: 'PARTY_BUILDING.MEMBER_SERVICE', name: '党员服务', defaultMode: ONSITE },
  { code: 'DISPUTE', name: '矛盾纠纷', defaultMode: COORDINATED },
  { code: 'DISPUTE.FAMILY', name: '家庭矛盾', defaultMode: COORDINATED },
  { code: 'DISPUTE.NEIGHBOURHOOD', name: '邻里纠纷', defaultMode: COORDINATED },
  { code: 'DISPUTE.RESIDENTIAL_COMPOUND', name: '小区治理', defaultMode: COORDINATED },
  { code: 'PROXY_SERVICE', name: '委托代办', defaultMode: PROXY },
  {
    code: 'PROXY_SERVICE.ELDERLY_ALLOWANCE',
    name: '高龄津贴',
    defaultMode: PROXY,
    attributes: [
      {
        code: 'APPLICANT_AGE',
        description: '申请人年龄',
        datatype: AttributeDatatype.NUMBER,
        required: true,
        values: [],
      },
    ],
  },
  { code: 'PROXY_SERVICE.SOCIAL_ASSISTANCE', name: '低保救助', defaultMode: PROXY },
  { code: 'PROXY_SERVICE.DISABILITY_CARD', name: '残疾人证', defaultMode: PROXY },
];
