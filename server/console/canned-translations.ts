/**
 * The canned replies' texts in the six other served languages (SPEC §9: canned replies in the
 * conversation's language), keyed by the reply's menu label. Same `[GAPS]` as the English text;
 * a unit test holds every one to the AER rule and to the English gaps.
 *
 * @example CANNED_TEXTS.ja.cannedHumanHello // "サポート担当の[NAME]です。…"
 */
import type { Language } from '../i18n/languages';

export type CannedLabel =
  | 'cannedTrackingUpdate' | 'cannedCustomsDelay' | 'cannedAddressChange'
  | 'cannedRefundStarted' | 'cannedRefundOrExchange' | 'cannedReturnLabel'
  | 'cannedDoubleCharge' | 'cannedPaymentFailed'
  | 'cannedComplaintAcknowledge' | 'cannedComplaintEscalate'
  | 'cannedHumanHello' | 'cannedHumanMoreInfo'
  | 'cannedOtherHelp' | 'cannedOtherClosing'
  | 'cannedSafetyFirst' | 'cannedSafetyReplace';

export const CANNED_TEXTS: Readonly<Record<Exclude<Language, 'en'>, Readonly<Record<CannedLabel, string>>>> = {
  de: {
    cannedTrackingUpdate: 'Danke für Ihre Geduld, und es tut mir leid, dass das Warten so belastend war. Ich habe Ihre Bestellung geprüft: Sie ist bei [CARRIER], Sendungsnummer [NUMBER], voraussichtliche Zustellung [DATE]. Ich behalte sie im Blick und melde mich hier, falls sich etwas ändert.',
    cannedCustomsDelay: 'Ich verstehe, wie ärgerlich eine Zollverzögerung ist. Ich habe nachgesehen: Ihr Paket wartet auf die Zollabfertigung, das dauert meist 3 bis 5 Werktage. Ich prüfe den Stand am [DATE] erneut und melde mich hier.',
    cannedAddressChange: 'Danke für den Hinweis, und entschuldigen Sie die Umstände. Ich habe das Lager gebeten, die Adresse auf die von Ihnen genannte zu ändern; innerhalb von 24 Stunden bestätige ich Ihnen hier, ob der Versanddienstleister die Änderung übernommen hat.',
    cannedRefundStarted: 'Danke, dass Sie uns Bescheid geben, und schade, dass der Artikel nicht gepasst hat. Ich habe Ihre Erstattung über [AMOUNT] veranlasst; sie geht innerhalb von 5 bis 10 Werktagen auf Ihr ursprüngliches Zahlungsmittel.',
    cannedRefundOrExchange: 'Es tut mir leid, dass das Produkt nicht passt. Sie haben die Wahl: volle Erstattung oder ein Ersatz auf unsere Kosten. Antworten Sie einfach mit Ihrer Wahl, dann veranlasse ich es heute.',
    cannedReturnLabel: 'Danke für Ihre Geduld. Ich habe Ihnen ein frankiertes Rücksendeetikett per E-Mail geschickt; sobald der Versanddienstleister das Paket scannt, wird Ihre Erstattung innerhalb von 3 Werktagen veranlasst.',
    cannedDoubleCharge: 'Die doppelte Abbuchung tut mir leid; ich weiß, dass das beunruhigt. Ich sehe zwei Zahlungen für die Bestellung [ORDER] und habe die doppelte erstattet; Ihre Bank zeigt sie innerhalb von 5 Werktagen an.',
    cannedPaymentFailed: 'Schade, dass die Zahlung nicht geklappt hat. Bitte prüfen Sie drei Dinge: die Rechnungsadresse der Karte, ob Online-Zahlungen freigeschaltet sind, und den 3-D-Secure-Code. Klappt es dann noch nicht, schicke ich Ihnen einen Zahlungslink für eine andere Zahlungsart.',
    cannedComplaintAcknowledge: 'Danke, dass Sie uns das sagen, und es tut mir aufrichtig leid. Ich habe die Details für unser Qualitätsteam festgehalten. Um es wiedergutzumachen, biete ich Ihnen einen Ersatz oder eine volle Erstattung an; was ist Ihnen lieber?',
    cannedComplaintEscalate: 'Es tut mir leid, so soll es bei uns nicht laufen. Ich habe Ihren Fall an unsere Teamleitung weitergegeben, die Ihnen hier innerhalb von 2 Stunden antwortet.',
    cannedHumanHello: 'Hallo, hier ist [NAME] vom Kundenservice. Ich habe Ihren bisherigen Chat gelesen, Sie müssen also nichts wiederholen. Ich sehe mir jetzt Ihre Bestellung an.',
    cannedHumanMoreInfo: 'Danke fürs Warten. Damit ich Ihnen schnell helfen kann: Schicken Sie mir bitte Ihre Bestellnummer? Ich sehe sofort nach.',
    cannedOtherHelp: 'Danke für Ihre Nachricht! Ich helfe gern. Nennen Sie mir bitte den Produktnamen oder die Bestellnummer, dann prüfe ich die Details sofort.',
    cannedOtherClosing: 'Schön, dass ich heute helfen konnte. Wenn noch etwas ist, antworten Sie einfach hier; ich kümmere mich innerhalb einer Stunde darum.',
    cannedSafetyFirst: 'Es tut mir sehr leid, dass das passiert ist, und danke, dass Sie es uns sagen. Zuerst: Ist jemand verletzt? Dann rufen Sie bitte sofort den Notruf (112). Bitte verwenden Sie das Produkt nicht mehr, ziehen Sie den Stecker und halten Sie es von Kindern und Brennbarem fern. Ich kümmere mich persönlich darum und melde mich hier innerhalb von 15 Minuten, wie wir es wiedergutmachen.',
    cannedSafetyReplace: 'Ihre Sicherheit geht hier vor. Ich habe den Fall als Sicherheitsfall für unser Produktteam erfasst. Wir holen das Produkt auf unsere Kosten ab, und Sie wählen zwischen voller Erstattung von [AMOUNT] und einem Ersatz aus einer anderen Charge; was ist Ihnen lieber?',
  },
  fr: {
    cannedTrackingUpdate: "Merci de votre patience, et désolé que l'attente ait été stressante. J'ai vérifié votre commande : elle est chez [CARRIER], suivi [NUMBER], livraison estimée le [DATE]. Je la surveille et je vous écris ici si cela change.",
    cannedCustomsDelay: "Je comprends à quel point un blocage en douane est agaçant. J'ai vérifié : votre colis attend le dédouanement, ce qui prend généralement 3 à 5 jours ouvrés. Je revérifie le [DATE] et je vous tiens informé ici.",
    cannedAddressChange: "Merci de nous avoir prévenus, et désolé pour le dérangement. J'ai demandé à l'entrepôt de mettre à jour l'adresse ; je vous confirme ici sous 24 heures si le transporteur a accepté le changement.",
    cannedRefundStarted: "Merci de nous l'avoir signalé, et désolé que l'article ne vous convienne pas. J'ai lancé votre remboursement de [AMOUNT] ; il arrivera sur votre moyen de paiement d'origine sous 5 à 10 jours ouvrés.",
    cannedRefundOrExchange: "Je suis désolé que le produit ne convienne pas. Vous avez le choix : un remboursement complet, ou un remplacement envoyé à nos frais. Répondez-moi avec votre choix et je m'en occupe aujourd'hui.",
    cannedReturnLabel: "Merci de votre patience. Je vous ai envoyé par e-mail une étiquette de retour prépayée ; dès que le transporteur scanne le colis, votre remboursement est effectué sous 3 jours ouvrés.",
    cannedDoubleCharge: "Je suis désolé pour ce double prélèvement ; je sais que c'est inquiétant. Je vois deux paiements pour la commande [ORDER] et j'ai remboursé le doublon ; votre banque l'affichera sous 5 jours ouvrés.",
    cannedPaymentFailed: "Désolé que le paiement n'ait pas abouti. Vérifiez trois choses : l'adresse de facturation de la carte, que les paiements en ligne sont activés, et le code 3-D Secure. Si cela échoue encore, je vous envoie un lien de paiement pour essayer un autre moyen.",
    cannedComplaintAcknowledge: "Merci de nous l'avoir dit, et je suis sincèrement désolé. J'ai noté les détails pour notre équipe qualité. Pour y remédier, je peux vous proposer un remplacement ou un remboursement complet ; que préférez-vous ?",
    cannedComplaintEscalate: "Je suis désolé, ce n'est pas l'expérience que nous voulons vous offrir. J'ai transmis votre dossier à notre responsable d'équipe, qui vous répondra ici sous 2 heures.",
    cannedHumanHello: "Bonjour, ici [NAME] du service client. J'ai lu toute votre conversation, vous n'avez rien à répéter. Je regarde votre commande tout de suite.",
    cannedHumanMoreInfo: 'Merci de votre patience. Pour vous aider rapidement, pourriez-vous m\'envoyer votre numéro de commande ? Je vérifie immédiatement.',
    cannedOtherHelp: "Merci de nous avoir écrit ! Je vous aide avec plaisir. Pouvez-vous m'indiquer le nom du produit ou le numéro de commande ? Je vérifie les détails tout de suite.",
    cannedOtherClosing: "Ravi d'avoir pu vous aider aujourd'hui. Si vous avez une autre question, répondez ici et je m'en occupe dans l'heure.",
    cannedSafetyFirst: "Je suis vraiment désolé que cela soit arrivé, et merci de nous l'avoir dit. D'abord : quelqu'un est-il blessé ? Si oui, appelez tout de suite les services d'urgence. Cessez d'utiliser le produit, débranchez-le et tenez-le loin des enfants et de tout ce qui peut brûler. Je m'en occupe personnellement et je vous réponds ici sous 15 minutes sur la façon dont nous allons y remédier.",
    cannedSafetyReplace: "Votre sécurité passe avant tout. J'ai enregistré ce cas comme incident de sécurité pour notre équipe produit. Nous récupérons le produit à nos frais et vous choisissez entre un remboursement complet de [AMOUNT] ou un remplacement issu d'un autre lot ; que préférez-vous ?",
  },
  es: {
    cannedTrackingUpdate: 'Gracias por su paciencia, y siento que la espera haya sido tan inquietante. He revisado su pedido: lo lleva [CARRIER], seguimiento [NUMBER], y la entrega estimada es el [DATE]. Lo vigilo y le escribo aquí si cambia algo.',
    cannedCustomsDelay: 'Entiendo lo frustrante que es una retención en aduana. Lo he revisado: su paquete espera el despacho de aduana, que suele tardar de 3 a 5 días laborables. Lo vuelvo a comprobar el [DATE] y le aviso aquí.',
    cannedAddressChange: 'Gracias por avisarnos, y disculpe las molestias. He pedido al almacén que cambie la dirección por la que nos ha dado; le confirmo aquí en menos de 24 horas si la empresa de transporte aceptó el cambio.',
    cannedRefundStarted: 'Gracias por contárnoslo, y siento que el artículo no le haya convencido. He iniciado su reembolso de [AMOUNT]; llegará a su método de pago original en 5 a 10 días laborables.',
    cannedRefundOrExchange: 'Siento que el producto no sea lo que esperaba. Puede elegir: reembolso completo o un reemplazo enviado a nuestro cargo. Respóndame con su elección y lo gestiono hoy mismo.',
    cannedReturnLabel: 'Gracias por su paciencia. Le he enviado por correo una etiqueta de devolución prepagada; en cuanto la empresa de transporte escanee el paquete, su reembolso se emite en 3 días laborables.',
    cannedDoubleCharge: 'Siento el cobro duplicado; sé que preocupa. Veo dos pagos del pedido [ORDER] y he reembolsado el duplicado; su banco lo mostrará en 5 días laborables.',
    cannedPaymentFailed: 'Siento que el pago no se haya completado. Compruebe tres cosas: la dirección de facturación de la tarjeta, que los pagos online estén activados y el código 3-D Secure. Si sigue fallando, le envío un enlace de pago para probar otro método.',
    cannedComplaintAcknowledge: 'Gracias por contárnoslo, y lo siento de verdad. He anotado los detalles para nuestro equipo de calidad. Para compensarlo, puedo ofrecerle un reemplazo o un reembolso completo; ¿qué prefiere?',
    cannedComplaintEscalate: 'Lo siento, no es la experiencia que queremos que tenga. He pasado su caso a nuestra responsable de equipo, que le responderá aquí en menos de 2 horas.',
    cannedHumanHello: 'Hola, soy [NAME], del equipo de atención al cliente. He leído toda su conversación, así que no tiene que repetir nada. Reviso su pedido ahora mismo.',
    cannedHumanMoreInfo: 'Gracias por esperar. Para ayudarle rápido, ¿me envía su número de pedido? Lo consulto enseguida.',
    cannedOtherHelp: '¡Gracias por escribirnos! Con gusto le ayudo. ¿Me dice el nombre del producto o el número de pedido? Reviso los detalles ahora mismo.',
    cannedOtherClosing: 'Me alegra haberle ayudado hoy. Si necesita algo más, responda aquí y lo atiendo en menos de una hora.',
    cannedSafetyFirst: 'Siento mucho lo ocurrido, y gracias por contárnoslo. Lo primero: ¿hay alguien herido? Si es así, llame ahora a los servicios de emergencia. Deje de usar el producto, desenchúfelo y manténgalo lejos de los niños y de cualquier cosa que pueda arder. Me encargo personalmente y le respondo aquí en 15 minutos con cómo lo vamos a solucionar.',
    cannedSafetyReplace: 'Su seguridad es lo más importante. He registrado esto como un caso de seguridad para nuestro equipo de producto. Recogemos el producto a nuestro cargo y usted elige entre el reembolso completo de [AMOUNT] o un reemplazo de otro lote; ¿qué prefiere?',
  },
  pt: {
    cannedTrackingUpdate: 'Obrigado pela paciência, e sinto muito que a espera tenha sido estressante. Verifiquei o seu pedido: ele está com a [CARRIER], rastreamento [NUMBER], e a previsão de entrega é [DATE]. Vou acompanhar e aviso aqui se algo mudar.',
    cannedCustomsDelay: 'Entendo como é frustrante uma retenção na alfândega. Verifiquei: a sua encomenda aguarda a liberação alfandegária, que costuma levar de 3 a 5 dias úteis. Vou verificar de novo em [DATE] e aviso você aqui.',
    cannedAddressChange: 'Obrigado por avisar, e desculpe o transtorno. Pedi ao centro de distribuição que atualize o endereço para o que você informou; confirmo aqui em até 24 horas se a transportadora aceitou a mudança.',
    cannedRefundStarted: 'Obrigado por nos contar, e sinto muito que o produto não tenha dado certo. Já iniciei o seu reembolso de [AMOUNT]; ele cai na sua forma de pagamento original em 5 a 10 dias úteis.',
    cannedRefundOrExchange: 'Sinto muito que o produto não tenha atendido. Você pode escolher: reembolso total ou troca enviada por nossa conta. Responda com a sua escolha que eu resolvo hoje.',
    cannedReturnLabel: 'Obrigado pela paciência. Enviei por e-mail uma etiqueta de devolução pré-paga; assim que a transportadora registrar a encomenda, o seu reembolso é feito em até 3 dias úteis.',
    cannedDoubleCharge: 'Sinto muito pela cobrança em dobro; sei que isso preocupa. Vejo dois pagamentos do pedido [ORDER] e já estornei o duplicado; o seu banco deve mostrar em até 5 dias úteis.',
    cannedPaymentFailed: 'Sinto muito que o pagamento não tenha passado. Confira três coisas: o endereço de cobrança do cartão, se compras online estão liberadas e o código de verificação do banco. Se continuar falhando, envio um link de pagamento para você tentar outra forma, como Pix.',
    cannedComplaintAcknowledge: 'Obrigado por nos contar, e sinto muito mesmo por essa experiência. Registrei os detalhes para a nossa equipe de qualidade. Para resolver, posso oferecer uma troca ou o reembolso total; o que você prefere?',
    cannedComplaintEscalate: 'Sinto muito, não é essa a experiência que queremos para você. Encaminhei o seu caso para a nossa liderança de equipe, que vai responder aqui em até 2 horas.',
    cannedHumanHello: 'Olá, aqui é [NAME], da equipe de atendimento. Li toda a sua conversa, então você não precisa repetir nada. Vou verificar o seu pedido agora.',
    cannedHumanMoreInfo: 'Obrigado por esperar. Para ajudar você rápido, pode me mandar o número do pedido? Vou verificar na hora.',
    cannedOtherHelp: 'Obrigado pelo contato! Fico feliz em ajudar. Pode me dizer o nome do produto ou o número do pedido? Vou verificar os detalhes agora mesmo.',
    cannedOtherClosing: 'Que bom que pude ajudar hoje. Se precisar de mais alguma coisa, é só responder aqui que eu retorno em até uma hora.',
    cannedSafetyFirst: 'Sinto muito pelo que aconteceu, e obrigado por nos contar. Primeiro: alguém se machucou? Se sim, ligue agora para o serviço de emergência. Pare de usar o produto, desligue-o da tomada e mantenha-o longe de crianças e de qualquer coisa que possa pegar fogo. Vou cuidar disso pessoalmente e respondo aqui em até 15 minutos com a solução.',
    cannedSafetyReplace: 'A sua segurança vem em primeiro lugar. Registrei isso como um caso de segurança para a nossa equipe de produto. Vamos retirar o produto por nossa conta e você escolhe entre o reembolso total de [AMOUNT] ou a troca por um de outro lote; o que você prefere?',
  },
  ja: {
    cannedTrackingUpdate: 'お待たせしており申し訳ございません。ご注文を確認したところ、[CARRIER]にて配送中で、お問い合わせ番号は[NUMBER]、お届け予定日は[DATE]です。引き続き状況を確認し、変更があればこちらでお知らせいたします。',
    cannedCustomsDelay: '税関での保留はご心配なことと存じます。確認したところ、お荷物は通関手続き待ちで、通常3〜5営業日ほどかかります。[DATE]に改めて状況を確認し、こちらでご連絡いたします。',
    cannedAddressChange: 'ご連絡ありがとうございます。お手数をおかけし申し訳ございません。倉庫にお届け先の変更を依頼いたしました。配送業者が変更を受け付けたかどうか、24時間以内にこちらでご連絡いたします。',
    cannedRefundStarted: 'ご連絡ありがとうございます。ご期待に沿えず申し訳ございません。[AMOUNT]の返金手続きを開始いたしました。5〜10営業日以内に元のお支払い方法へ返金されます。',
    cannedRefundOrExchange: '商品がご期待に沿わず申し訳ございません。全額返金、または当社負担での交換品のお届けのいずれかをお選びいただけます。ご希望をお知らせいただければ、本日中に手配いたします。',
    cannedReturnLabel: 'お待たせいたしました。着払いの返品用ラベルをメールでお送りしました。配送業者が荷物を受け付けてから3営業日以内に返金いたします。',
    cannedDoubleCharge: '二重請求となり、ご心配をおかけして申し訳ございません。ご注文[ORDER]について2件のお支払いを確認し、重複分を返金いたしました。5営業日以内にカード会社の明細に反映されます。',
    cannedPaymentFailed: 'お支払いが完了せず申し訳ございません。カードの請求先住所、オンライン決済が有効になっているか、3Dセキュアの認証の3点をご確認ください。それでも完了しない場合は、別のお支払い方法をお試しいただけるよう決済用リンクをお送りいたします。',
    cannedComplaintAcknowledge: 'お知らせいただきありがとうございます。このたびは誠に申し訳ございません。詳細を品質管理チームに共有いたしました。お詫びとして、交換または全額返金をご用意いたします。どちらをご希望でしょうか？',
    cannedComplaintEscalate: 'ご期待に沿えず、誠に申し訳ございません。本件をチームリーダーに引き継ぎました。2時間以内にこちらでご回答いたします。',
    cannedHumanHello: 'サポート担当の[NAME]です。これまでのやり取りはすべて拝見しましたので、同じご説明は不要です。ただいまご注文を確認いたします。',
    cannedHumanMoreInfo: 'お待たせいたしました。迅速にお調べするため、ご注文番号をお知らせいただけますか？すぐに確認いたします。',
    cannedOtherHelp: 'お問い合わせいただきありがとうございます。喜んでお手伝いいたします。商品名またはご注文番号をお知らせいただけますか？すぐに詳細を確認いたします。',
    cannedOtherClosing: 'お役に立てて何よりです。ほかにもご不明な点があれば、こちらにご返信ください。1時間以内に対応いたします。',
    cannedSafetyFirst: 'このようなことが起こり、誠に申し訳ございません。お知らせいただきありがとうございます。まず、おけがをされた方はいらっしゃいませんか？その場合は、すぐに救急・緊急通報番号にご連絡ください。製品の使用を中止し、プラグを抜いて、お子様や燃えやすい物から離してください。私が責任を持って対応し、15分以内にこちらで今後の対応をご連絡いたします。',
    cannedSafetyReplace: 'お客様の安全が何より大切です。本件を安全に関する事案として製品チームに記録いたしました。製品は当社負担で回収し、[AMOUNT]の全額返金、または別ロットの製品との交換をお選びいただけます。どちらをご希望でしょうか？',
  },
  zh: {
    cannedTrackingUpdate: '感谢您的耐心等待，让您着急了，非常抱歉。我已查看您的订单：目前由 [CARRIER] 承运，运单号 [NUMBER]，预计 [DATE] 送达。我会持续关注，如有变化会在这里通知您。',
    cannedCustomsDelay: '我理解海关滞留让人很烦心。我已核实：您的包裹正在等待清关，通常需要 3 到 5 个工作日。我会在 [DATE] 再次查看进度，并在这里告诉您。',
    cannedAddressChange: '感谢告知，给您添麻烦了，非常抱歉。我已请仓库把地址改为您提供的新地址；24 小时内我会在这里确认承运商是否已接受修改。',
    cannedRefundStarted: '感谢您告诉我们，很遗憾商品没能让您满意。我已为您发起 [AMOUNT] 的退款，将在 5 到 10 个工作日内原路退回您的支付账户。',
    cannedRefundOrExchange: '很抱歉商品不合适。您可以选择全额退款，或由我们承担费用为您换货。回复告诉我您的选择，我今天就为您安排。',
    cannedReturnLabel: '感谢您的耐心。我已通过邮件发送预付运费的退货面单；承运商扫描包裹后，退款会在 3 个工作日内发出。',
    cannedDoubleCharge: '很抱歉出现重复扣款，我知道这让人担心。我看到订单 [ORDER] 有两笔付款，已将重复的一笔退回；银行会在 5 个工作日内显示。',
    cannedPaymentFailed: '很抱歉付款没有成功。请检查三点：卡片的账单地址、是否已开通网上支付，以及 3-D Secure 验证码。如果仍然失败，我会发给您付款链接，方便您换一种方式支付。',
    cannedComplaintAcknowledge: '感谢您告诉我们，对这次的经历我们深表歉意。我已把详细情况记录给质量团队。为了弥补，我可以为您换货或全额退款；您更希望哪一种？',
    cannedComplaintEscalate: '非常抱歉，这不是我们希望带给您的体验。我已将您的问题升级给团队负责人，对方会在 2 小时内在这里回复您。',
    cannedHumanHello: '您好，我是客服团队的 [NAME]。我已经看过您之前的全部对话，您不需要再重复说明。我现在就为您查看订单。',
    cannedHumanMoreInfo: '感谢您的等待。为了尽快帮到您，能把订单号发给我吗？我马上为您查询。',
    cannedOtherHelp: '感谢您联系我们！很乐意为您服务。能告诉我商品名称或订单号吗？我马上为您查看详情。',
    cannedOtherClosing: '很高兴今天能帮到您。如果还有其他问题，在这里回复即可，我会在一小时内处理。',
    cannedSafetyFirst: '发生这样的事我们非常抱歉，感谢您告诉我们。首先：有人受伤吗？如果有，请立即拨打当地急救电话。请停止使用该产品，拔掉电源，并远离儿童和易燃物品。我会亲自跟进，15 分钟内在这里告诉您我们的处理方案。',
    cannedSafetyReplace: '您的安全是最重要的。我已将此事作为安全事件登记给产品团队。我们会承担费用上门取回产品，您可以选择全额退款 [AMOUNT]，或更换其他批次的产品；您更希望哪一种？',
  },
};
