export enum BuildingKind {
  RESIDENTIAL = 'RESIDENTIAL',
  COMMERCIAL = 'COMMERCIAL',
  MIXED = 'MIXED',
  BUNGALOW = 'BUNGALOW',
  OTHER = 'OTHER',
}

export enum HouseUse {
  OWNER_OCCUPIED = 'OWNER_OCCUPIED',
  RENTED = 'RENTED',
  VACANT = 'VACANT',
  COMMERCIAL = 'COMMERCIAL',
}

/** 户籍户 or 租户. */
export enum HouseholdKind {
  REGISTERED = 'REGISTERED',
  TENANT = 'TENANT',
}

export enum RelationToHead {
  HEAD = 'HEAD',
  SPOUSE = 'SPOUSE',
  CHILD = 'CHILD',
  PARENT = 'PARENT',
  GRANDPARENT = 'GRANDPARENT',
  GRANDCHILD = 'GRANDCHILD',
  SIBLING = 'SIBLING',
  OTHER_RELATIVE = 'OTHER_RELATIVE',
  OTHER = 'OTHER',
}

export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}

/** 户籍人口 or 流动人口. */
export enum Population {
  REGISTERED = 'REGISTERED',
  FLOATING = 'FLOATING',
}
