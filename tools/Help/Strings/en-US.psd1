# The words the help generator (tools/Help/MarkdownWriter.psm1) writes into a docs/en-US page: the
# standard texts of -WhatIf, -Confirm and the common parameters, and the {{ ... }} placeholders a
# person replaces (the tests fail while any is left), and the first word of a compiled about_ topic
# (AboutTopic). A culture without a file here uses these.
@{
    SynopsisPlaceholder    = '{{ Fill in the Synopsis }}'
    DescriptionPlaceholder = '{{ Fill in the Description }}'
    ExampleTitle           = 'Example 1: {{ Fill in the example''s title }}'
    ExampleCode            = '{{ Add example code here }}'
    ExampleText            = '{{ Add example description here }}'
    ParameterPlaceholder   = '{{ Fill in the Description }}'
    TypePlaceholder        = '{{ Fill in the Description }}'
    NoInput                = 'None'
    NoInputText            = '{{ Fill in the Description }}'
    Confirm                = 'Prompts you for confirmation before running the cmdlet.'
    WhatIf                 = 'Shows what would happen if the cmdlet runs. The cmdlet is not run.'
    CommonParameters       = 'This cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable, -InformationAction, -InformationVariable, -OutBuffer, -OutVariable, -PipelineVariable, -ProgressAction, -Verbose, -WarningAction, and -WarningVariable. For more information, see [about_CommonParameters](http://go.microsoft.com/fwlink/?LinkID=113216).'
    AboutTopic             = 'TOPIC'
}
