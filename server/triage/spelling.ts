/**
 * Common misspellings and chat shorthand of shoppers, mapped to the word the intent files use.
 * General English knowledge, not tuned to any data set: typos seen in every support inbox.
 * A value may hold two words ("pls" → "please", "asap" → "as soon as possible" is not needed).
 */
// A Map, never a plain object: user words such as "constructor" must not reach Object.prototype.
export const SPELLING_FIXES: ReadonlyMap<string, string> = new Map(Object.entries({
  // receive / deliver / ship
  recieve: 'receive', recieved: 'received', recived: 'received', receieved: 'received', recevied: 'received',
  reveived: 'received', recive: 'receive', recieving: 'receiving', delivary: 'delivery', delievery: 'delivery',
  deliverd: 'delivered', delivred: 'delivered', delievered: 'delivered', dilivery: 'delivery', devilery: 'delivery',
  shiping: 'shipping', shippment: 'shipment', shipmet: 'shipment', shippping: 'shipping', shiped: 'shipped',
  packege: 'package', pakage: 'package', pacakge: 'package', packge: 'package', pakcage: 'package', parcell: 'parcel',
  percel: 'parcel', adress: 'address', adresse: 'address', addres: 'address', adres: 'address',
  trackin: 'tracking', trakcing: 'tracking', traking: 'tracking', trak: 'track', trackng: 'tracking',
  swalowed: 'swallowed', swallowd: 'swallowed', swolen: 'swollen', bleding: 'bleeding', injurd: 'injured', arived: 'arrived', arrivied: 'arrived', arrvied: 'arrived', ariving: 'arriving', custums: 'customs', costums: 'customs',
  oder: 'order', ordr: 'order', orden: 'order', odrer: 'order', oredr: 'order',
  // money
  refnd: 'refund', refound: 'refund', refud: 'refund', refunf: 'refund', reimburse: 'reimburse', reimbursment: 'reimbursement',
  retrun: 'return', retun: 'return', returm: 'return', exhange: 'exchange', exchage: 'exchange', cancle: 'cancel',
  cancell: 'cancel', canceld: 'cancelled', cancelation: 'cancellation', payed: 'paid', paymnet: 'payment',
  pament: 'payment', paymet: 'payment', payement: 'payment', charegd: 'charged', chraged: 'charged', twise: 'twice',
  invoce: 'invoice', invioce: 'invoice', reciept: 'receipt', receit: 'receipt', recipt: 'receipt', cupon: 'coupon',
  coupen: 'coupon', discout: 'discount', dicount: 'discount', paypall: 'paypal', creditcard: 'credit card',
  // people and feelings
  managr: 'manager', manger: 'manager', supervisr: 'supervisor', humain: 'human', compliant: 'complaint',
  complain: 'complain', complaine: 'complain', disapointed: 'disappointed', dissapointed: 'disappointed',
  disappoined: 'disappointed', horible: 'horrible', terible: 'terrible', awfull: 'awful', rediculous: 'ridiculous',
  ridiculus: 'ridiculous', unaceptable: 'unacceptable', unacceptible: 'unacceptable', usless: 'useless',
  brokn: 'broken', brocken: 'broken', damged: 'damaged', damadged: 'damaged', defected: 'defective', defectiv: 'defective',
  // shorthand
  pls: 'please', plz: 'please', plse: 'please', thx: 'thanks', ty: 'thanks', u: 'you', ur: 'your', r: 'are',
  wich: 'which', wat: 'what', whr: 'where', untill: 'until', alredy: 'already', allready: 'already', agian: 'again',
  becuase: 'because', bc: 'because', cuz: 'because', coz: 'because', tmrw: 'tomorrow', tommorow: 'tomorrow',
  tomorow: 'tomorrow', wk: 'week', wks: 'weeks', hrs: 'hours', msg: 'message', dm: 'message', ppl: 'people',
  asap: 'soon', smth: 'something', nothin: 'nothing', anymore: 'any more', wtf: 'what the hell',
}));
