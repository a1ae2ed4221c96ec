# The words the help generator (tools/Help/MarkdownWriter.psm1) writes into a docs/ru-RU page: the
# standard texts of -WhatIf, -Confirm and the common parameters, and the {{ ... }} placeholders a
# translator replaces (the tests fail while any is left), and the first word of a compiled about_
# topic (AboutTopic, as in PowerShell's own Russian about_ topics).
@{
    SynopsisPlaceholder    = '{{ Краткое описание командлета }}'
    DescriptionPlaceholder = '{{ Подробное описание командлета }}'
    ExampleTitle           = 'Пример 1: {{ Заголовок примера }}'
    ExampleCode            = '{{ Код примера }}'
    ExampleText            = '{{ Пояснение к примеру }}'
    ParameterPlaceholder   = '{{ Описание параметра }}'
    TypePlaceholder        = '{{ Описание }}'
    NoInput                = 'None'
    NoInputText            = '{{ Описание }}'
    Confirm                = 'Запрашивает подтверждение перед выполнением командлета.'
    WhatIf                 = 'Показывает, что произойдёт при выполнении командлета. Командлет не выполняется.'
    CommonParameters       = 'Этот командлет поддерживает общие параметры: -Debug, -ErrorAction, -ErrorVariable, -InformationAction, -InformationVariable, -OutBuffer, -OutVariable, -PipelineVariable, -ProgressAction, -Verbose, -WarningAction и -WarningVariable. Подробнее см. [about_CommonParameters](http://go.microsoft.com/fwlink/?LinkID=113216).'
    AboutTopic             = 'РАЗДЕЛ'
}
